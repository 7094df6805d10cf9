package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a parsed file without its comments. Wire keeps comments as documentation and prints them again, so
 * without this two files differing only in comments would get different canonical texts (and ids); Confluent's
 * printer drops them too. Fields also get synthetic positions, because wire prints them in position order
 * (see {@link #printOrder}). The hooks keep the file as written here; {@link ProtoNormalizer} overrides them.
 *
 * <p>{@code scope} is the fully qualified name of the enclosing message (or the package at file level).
 */
class ProtoElementRewriter {
    private static final String NO_DOC = "";

    final ProtoFileElement rewrite(ProtoFileElement file) {
        String pkg = file.getPackageName() == null ? "" : file.getPackageName();
        return new ProtoFileElement(file.getLocation(), file.getPackageName(), file.getSyntax(),
                imports(file.getImports()), imports(file.getPublicImports()), file.getWeakImports(),
                types(pkg, file.getTypes()), services(pkg, file.getServices()),
                extendDeclarations(file.getExtendDeclarations()), options(file.getOptions()));
    }

    // ---- hooks --------------------------------------------------------------------------------------------

    List<String> imports(List<String> imports) {
        return imports;
    }

    List<OptionElement> options(List<OptionElement> options) {
        return options;
    }

    /** Which nested types to keep, in which order. */
    List<TypeElement> typeOrder(String scope, List<TypeElement> types) {
        return types;
    }

    List<FieldElement> fieldOrder(List<FieldElement> fields) {
        return fields;
    }

    List<OneOfElement> oneOfOrder(List<OneOfElement> oneOfs) {
        return oneOfs;
    }

    /**
     * The order in which fields, plain ones and oneof members alike, are printed (a oneof is printed whole
     * where its first member falls). Here: as written in the source.
     */
    List<FieldElement> printOrder(List<FieldElement> fields, List<OneOfElement> oneOfs) {
        List<FieldElement> all = new ArrayList<>(fields);
        oneOfs.forEach(o -> all.addAll(o.getFields()));
        all.sort(Comparator.comparingInt((FieldElement f) -> f.getLocation().getLine())
                .thenComparingInt(f -> f.getLocation().getColumn()));
        return all;
    }

    List<EnumConstantElement> constantOrder(List<EnumConstantElement> constants) {
        return constants;
    }

    List<ReservedElement> reservedOrder(List<ReservedElement> reserveds) {
        return reserveds;
    }

    /** The field as it should be printed inside message {@code messageName}, documentation already removed. */
    FieldElement field(String messageName, FieldElement field) {
        return field;
    }

    String rpcType(String serviceName, RpcElement rpc, boolean request) {
        return request ? rpc.getRequestType() : rpc.getResponseType();
    }

    // ---- the walk -----------------------------------------------------------------------------------------

    static String qualify(String scope, String name) {
        return scope.isEmpty() ? name : scope + "." + name;
    }

    private List<TypeElement> types(String scope, List<TypeElement> types) {
        List<TypeElement> out = new ArrayList<>();
        for (TypeElement type : typeOrder(scope, types)) {
            if (type instanceof MessageElement message) {
                out.add(message(qualify(scope, message.getName()), message));
            } else if (type instanceof EnumElement enumType) {
                out.add(enumType(enumType));
            } else {
                out.add(type);
            }
        }
        return out;
    }

    private MessageElement message(String name, MessageElement m) {
        List<FieldElement> fields = new ArrayList<>();
        for (FieldElement f : fieldOrder(m.getFields())) {
            fields.add(field(name, undocumented(f)));
        }
        List<OneOfElement> oneOfs = new ArrayList<>();
        for (OneOfElement o : oneOfOrder(m.getOneOfs())) {
            List<FieldElement> members = new ArrayList<>();
            for (FieldElement f : fieldOrder(o.getFields())) {
                members.add(field(name, undocumented(f)));
            }
            oneOfs.add(new OneOfElement(o.getName(), NO_DOC, members, groups(o.getGroups()),
                    options(o.getOptions()), o.getLocation()));
        }
        // Wire prints fields and oneofs interleaved by source position (line, then column), not in list
        // order: give every field a position that encodes the order chosen here.
        Map<FieldElement, Location> positions = new IdentityHashMap<>();
        List<FieldElement> printed = printOrder(fields, oneOfs);
        for (int i = 0; i < printed.size(); i++) {
            Location at = printed.get(i).getLocation();
            positions.put(printed.get(i), new Location(at.getBase(), at.getPath(), i + 1, 1));
        }
        List<OneOfElement> placedOneOfs = new ArrayList<>();
        for (OneOfElement o : oneOfs) {
            placedOneOfs.add(new OneOfElement(o.getName(), NO_DOC, placed(o.getFields(), positions), o.getGroups(),
                    o.getOptions(), o.getLocation()));
        }
        List<ExtensionsElement> extensions = new ArrayList<>();
        for (ExtensionsElement e : m.getExtensions()) {
            extensions.add(new ExtensionsElement(e.getLocation(), NO_DOC, e.getValues(), options(e.getOptions())));
        }
        return new MessageElement(m.getLocation(), m.getName(), NO_DOC, types(name, m.getNestedTypes()),
                options(m.getOptions()), reserveds(m.getReserveds()), placed(fields, positions), placedOneOfs,
                extensions, groups(m.getGroups()), extendDeclarations(m.getExtendDeclarations()));
    }

    private static List<FieldElement> placed(List<FieldElement> fields, Map<FieldElement, Location> positions) {
        List<FieldElement> out = new ArrayList<>();
        for (FieldElement f : fields) {
            out.add(new FieldElement(positions.get(f), f.getLabel(), f.getType(), f.getName(), f.getDefaultValue(),
                    f.getJsonName(), f.getTag(), f.getDocumentation(), f.getOptions()));
        }
        return out;
    }

    private FieldElement undocumented(FieldElement f) {
        return new FieldElement(f.getLocation(), f.getLabel(), f.getType(), f.getName(), f.getDefaultValue(),
                f.getJsonName(), f.getTag(), NO_DOC, options(f.getOptions()));
    }

    private List<GroupElement> groups(List<GroupElement> groups) {
        List<GroupElement> out = new ArrayList<>();
        for (GroupElement g : groups) {
            List<FieldElement> fields = new ArrayList<>();
            for (FieldElement f : g.getFields()) {
                fields.add(undocumented(f));
            }
            out.add(new GroupElement(g.getLabel(), g.getLocation(), g.getName(), g.getTag(), NO_DOC, fields));
        }
        return out;
    }

    private List<ReservedElement> reserveds(List<ReservedElement> reserveds) {
        List<ReservedElement> out = new ArrayList<>();
        for (ReservedElement r : reservedOrder(reserveds)) {
            out.add(new ReservedElement(r.getLocation(), NO_DOC, r.getValues()));
        }
        return out;
    }

    private EnumElement enumType(EnumElement e) {
        List<EnumConstantElement> constants = new ArrayList<>();
        for (EnumConstantElement c : constantOrder(e.getConstants())) {
            constants.add(new EnumConstantElement(c.getLocation(), c.getName(), c.getTag(), NO_DOC,
                    options(c.getOptions())));
        }
        return new EnumElement(e.getLocation(), e.getName(), NO_DOC, options(e.getOptions()), constants,
                reserveds(e.getReserveds()));
    }

    /** Which {@code extend} blocks to keep: all of them here. */
    List<ExtendElement> extendDeclarationsToKeep(List<ExtendElement> extendDeclarations) {
        return extendDeclarations;
    }

    private List<ExtendElement> extendDeclarations(List<ExtendElement> extendDeclarations) {
        List<ExtendElement> out = new ArrayList<>();
        for (ExtendElement e : extendDeclarationsToKeep(extendDeclarations)) {
            List<FieldElement> fields = new ArrayList<>();
            for (FieldElement f : e.getFields()) {
                fields.add(undocumented(f));
            }
            out.add(new ExtendElement(e.getLocation(), e.getName(), NO_DOC, fields));
        }
        return out;
    }

    private List<ServiceElement> services(String pkg, List<ServiceElement> services) {
        List<ServiceElement> out = new ArrayList<>();
        for (ServiceElement s : services) {
            String name = qualify(pkg, s.getName());
            List<RpcElement> rpcs = new ArrayList<>();
            for (RpcElement r : s.getRpcs()) {
                rpcs.add(new RpcElement(r.getLocation(), r.getName(), NO_DOC, rpcType(name, r, true),
                        rpcType(name, r, false), r.getRequestStreaming(), r.getResponseStreaming(),
                        options(r.getOptions())));
            }
            out.add(new ServiceElement(s.getLocation(), s.getName(), NO_DOC, rpcs, options(s.getOptions())));
        }
        return out;
    }
}
