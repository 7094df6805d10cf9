package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.Rpc;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.Service;
import com.squareup.wire.schema.Type;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import kotlin.ranges.IntRange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code normalize=true}: folds spellings that mean the same file into one text, following Confluent's
 * {@code ProtobufSchemaUtils.toNormalizedString}:
 * <ul>
 *   <li>imports (and public imports) sorted, duplicates dropped;</li>
 *   <li>options sorted by name at every level, keys of aggregate option values sorted recursively;</li>
 *   <li>fields sorted by number inside messages and oneofs; oneofs sorted by their lowest field number, empty
 *       oneofs dropped; enum constants sorted by number, then name;</li>
 *   <li>each reserved number, range or name on its own line, numbers ascending, names last;</li>
 *   <li>message and enum types named fully qualified with a leading dot ({@code .acme.v1.Address}), rpc types
 *       too, so {@code Address}, {@code v1.Address} and {@code .acme.v1.Address} normalize alike;</li>
 *   <li>synthetic map-entry messages ({@code option map_entry = true}, as descriptor-derived files have) folded
 *       back into {@code map<K, V>} fields;</li>
 *   <li>at each level messages first, then enums. The relative order of messages is kept: producers address
 *       messages by their position (the message indexes of the wire format), so reordering would change
 *       meaning.</li>
 * </ul>
 * Resolution uses wire's linked model, so it sees exactly the types the linker resolved.
 */
final class ProtoNormalizer extends ProtoElementRewriter {
    private static final Comparator<OptionElement> BY_NAME = Comparator.comparing(OptionElement::getName);

    private final Schema schema;

    ProtoNormalizer(Schema schema) {
        this.schema = schema;
    }

    @Override
    List<String> imports(List<String> imports) {
        return imports.stream().sorted().distinct().toList();
    }

    @Override
    List<OptionElement> options(List<OptionElement> options) {
        return options.stream().map(ProtoNormalizer::sortedOption).sorted(BY_NAME).toList();
    }

    @Override
    List<TypeElement> typeOrder(String scope, List<TypeElement> types) {
        List<TypeElement> ordered = new ArrayList<>();
        for (TypeElement t : types) {
            if (t instanceof MessageElement m && !isMapEntry(m.getOptions())) {
                ordered.add(t);
            }
        }
        for (TypeElement t : types) {
            if (!(t instanceof MessageElement)) {
                ordered.add(t);
            }
        }
        return ordered;
    }

    @Override
    List<FieldElement> fieldOrder(List<FieldElement> fields) {
        return fields.stream().sorted(Comparator.comparingInt(FieldElement::getTag)).toList();
    }

    @Override
    List<OneOfElement> oneOfOrder(List<OneOfElement> oneOfs) {
        return oneOfs.stream()
                .filter(o -> !o.getFields().isEmpty())
                .sorted(Comparator.comparingInt(o -> lowestTag(o.getFields())))
                .toList();
    }

    /** Plain fields first, then the oneofs, as Confluent's normalized printing does. */
    @Override
    List<FieldElement> printOrder(List<FieldElement> fields, List<OneOfElement> oneOfs) {
        List<FieldElement> all = new ArrayList<>(fields);
        oneOfs.forEach(o -> all.addAll(o.getFields()));
        return all;
    }

    @Override
    List<EnumConstantElement> constantOrder(List<EnumConstantElement> constants) {
        return constants.stream()
                .sorted(Comparator.comparingInt(EnumConstantElement::getTag).thenComparing(EnumConstantElement::getName))
                .toList();
    }

    @Override
    List<ReservedElement> reservedOrder(List<ReservedElement> reserveds) {
        List<ReservedElement> single = new ArrayList<>();
        for (ReservedElement r : reserveds) {
            for (Object value : r.getValues()) {
                single.add(new ReservedElement(r.getLocation(), "", List.of(value)));
            }
        }
        single.sort(Comparator.comparingLong((ReservedElement r) -> reservedStart(r.getValues().get(0)))
                .thenComparing(r -> String.valueOf(r.getValues().get(0))));
        return single;
    }

    @Override
    FieldElement field(String messageName, FieldElement f) {
        Field linked = linkedField(messageName, f.getTag());
        if (linked == null || linked.getType() == null) {
            return f;
        }
        ProtoType type = linked.getType();
        MessageType mapEntry = mapEntry(type);
        String written;
        Field.Label label = f.getLabel();
        if (type.isMap() || mapEntry != null) {
            ProtoType key = mapEntry == null ? type.getKeyType() : mapEntry.field("key").getType();
            ProtoType value = mapEntry == null ? type.getValueType() : mapEntry.field("value").getType();
            written = "map<" + typeName(key) + ", " + typeName(value) + ">";
            label = null;
        } else {
            written = typeName(type);
        }
        return new FieldElement(f.getLocation(), label, written, f.getName(), f.getDefaultValue(), f.getJsonName(),
                f.getTag(), f.getDocumentation(), f.getOptions());
    }

    @Override
    String rpcType(String serviceName, RpcElement rpc, boolean request) {
        Service service = schema.getService(serviceName);
        Rpc linked = service == null ? null : service.rpc(rpc.getName());
        if (linked == null) {
            return super.rpcType(serviceName, rpc, request);
        }
        return typeName(request ? linked.getRequestType() : linked.getResponseType());
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private Field linkedField(String messageName, int tag) {
        Type type = schema.getType(messageName);
        if (!(type instanceof MessageType message)) {
            return null;
        }
        for (Field f : message.getFieldsAndOneOfFields()) {
            if (f.getTag() == tag) {
                return f;
            }
        }
        return null;
    }

    private MessageType mapEntry(ProtoType type) {
        if (type.isScalar() || type.isMap()) {
            return null;
        }
        Type linked = schema.getType(type);
        if (linked instanceof MessageType m && isMapEntry(m.getOptions().getElements())
                && m.field("key") != null && m.field("value") != null) {
            return m;
        }
        return null;
    }

    private static String typeName(ProtoType type) {
        return type.isScalar() ? type.toString() : "." + type;
    }

    static boolean isMapEntry(List<OptionElement> options) {
        for (OptionElement o : options) {
            if (o.getName().equals("map_entry") && String.valueOf(o.getValue()).equals("true")) {
                return true;
            }
        }
        return false;
    }

    private static int lowestTag(List<FieldElement> fields) {
        return fields.stream().mapToInt(FieldElement::getTag).min().orElse(Integer.MAX_VALUE);
    }

    private static long reservedStart(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof IntRange range) {
            return range.getFirst();
        }
        return Long.MAX_VALUE; // reserved names after all numbers
    }

    private static OptionElement sortedOption(OptionElement option) {
        return new OptionElement(option.getName(), option.getKind(), sortedValue(option.getValue()),
                option.isParenthesized());
    }

    /** Keys of aggregate values sorted; list elements keep their order (it is data). */
    private static Object sortedValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> sorted = new LinkedHashMap<>();
            map.entrySet().stream()
                    .sorted(Comparator.comparing(e -> String.valueOf(e.getKey())))
                    .forEach(e -> sorted.put(e.getKey(), sortedValue(e.getValue())));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ProtoNormalizer::sortedValue).toList();
        }
        if (value instanceof OptionElement nested) {
            return sortedOption(nested);
        }
        return value;
    }
}
