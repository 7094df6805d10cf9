package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.EnumType;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.Type;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One side of a comparison (the writer's or the reader's schema), answering type questions on wire's model. */
final class DiffSide {
    private final ProtobufParsedSchema schema;
    private final Set<Field> groupFields = Collections.newSetFromMap(new IdentityHashMap<>());

    DiffSide(ProtobufParsedSchema schema) {
        this.schema = schema;
        for (ProtoGroups.GroupField g : schema.groups().fields()) {
            if (schema.linkedSchema().getType(g.owner()) instanceof MessageType owner) {
                owner.getFieldsAndOneOfFields().stream().filter(f -> f.getTag() == g.tag()).forEach(groupFields::add);
            }
        }
    }

    /**
     * Whether Confluent sees this field: its diff works on the parsed file, where a proto2 group is neither a
     * field nor a nested type, so group fields and group messages take no part in compatibility at all.
     */
    boolean visible(Field field) {
        return !groupFields.contains(field);
    }

    boolean visible(MessageType message) {
        return !schema.groups().isGroupMessage(message.getType().toString());
    }

    /** The fields of {@code fields} Confluent sees. */
    List<Field> visible(List<Field> fields) {
        return groupFields.isEmpty() ? fields : fields.stream().filter(this::visible).toList();
    }

    ProtoFile file() {
        return schema.file();
    }

    Type type(ProtoType type) {
        return type.isScalar() || type.isMap() ? null : schema.linkedSchema().getType(type);
    }

    boolean isEnum(ProtoType type) {
        return type(type) instanceof EnumType;
    }

    static boolean isMapEntry(Type type) {
        return type instanceof MessageType m && ProtoNormalizer.isMapEntry(m.getOptions().getElements())
                && m.field("key") != null && m.field("value") != null;
    }

    /**
     * {@code map<K, V>} for a synthetic map-entry message (descriptor-derived files spell maps that way), so
     * both spellings compare as the same map, as in Confluent.
     */
    ProtoType mapEntryAsMap(ProtoType type) {
        Type declared = type(type);
        if (!isMapEntry(declared)) {
            return type;
        }
        MessageType entry = (MessageType) declared;
        ProtoType key = entry.field("key").getType();
        ProtoType value = entry.field("value").getType();
        return ProtoType.get(key, value, "map<" + key + ", " + value + ">");
    }

    /** The name without the package of the file declaring it ({@code acme.v1.User.Address} → {@code User.Address}). */
    String localName(ProtoType type) {
        ProtoFile declaring = schema.linkedSchema().protoFile(type);
        String pkg = declaring == null || declaring.getPackageName() == null ? "" : declaring.getPackageName();
        String name = type.toString();
        return !pkg.isEmpty() && name.startsWith(pkg + ".") ? name.substring(pkg.length() + 1) : name;
    }

    /** See {@link ProtobufParsedSchema#definitionSource}. */
    Optional<String> definitionSource(ProtoType type) {
        return schema.definitionSource(type);
    }
}
