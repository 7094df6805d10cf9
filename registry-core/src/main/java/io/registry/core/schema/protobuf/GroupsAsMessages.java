package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * proto2 {@code group} fields spelled the way protoc understands them: {@code optional group Result = 1 { ... }}
 * declares a nested message {@code Result} and a field {@code result} (the group name lowercased) of that type,
 * number 1. Wire's parser reads groups but its linker refuses them ("'group' is not supported"), so a file is
 * linked in this desugared form, which also makes the linker check the group's own fields. The canonical text
 * is printed from the file as written, groups and all, as Confluent prints it.
 *
 * <p>The group messages are appended after the message's declared nested types, so the declared ones keep the
 * positions Confluent gives them (Confluent's descriptors leave groups out altogether).
 */
final class GroupsAsMessages {
    private GroupsAsMessages() {
    }

    /**
     * @param found collects every group rewritten
     * @return {@code file} itself when it has no group
     */
    static ProtoFileElement rewrite(ProtoFileElement file, Set<ProtoGroups.GroupField> found) {
        if (!hasGroups(file.getTypes())) {
            return file;
        }
        String pkg = file.getPackageName() == null ? "" : file.getPackageName();
        return new ProtoFileElement(file.getLocation(), file.getPackageName(), file.getSyntax(), file.getImports(),
                file.getPublicImports(), file.getWeakImports(), types(pkg, file.getTypes(), found),
                file.getServices(), file.getExtendDeclarations(), file.getOptions());
    }

    private static boolean hasGroups(List<TypeElement> types) {
        for (TypeElement t : types) {
            if (t instanceof MessageElement m && (!m.getGroups().isEmpty()
                    || m.getOneOfs().stream().anyMatch(o -> !o.getGroups().isEmpty())
                    || hasGroups(m.getNestedTypes()))) {
                return true;
            }
        }
        return false;
    }

    private static List<TypeElement> types(String scope, List<TypeElement> types,
                                           Set<ProtoGroups.GroupField> found) {
        List<TypeElement> out = new ArrayList<>();
        for (TypeElement t : types) {
            out.add(t instanceof MessageElement m ? message(ProtoElementRewriter.qualify(scope, m.getName()), m, found)
                    : t);
        }
        return out;
    }

    private static MessageElement message(String name, MessageElement m, Set<ProtoGroups.GroupField> found) {
        List<TypeElement> nested = new ArrayList<>(types(name, m.getNestedTypes(), found));
        List<FieldElement> fields = new ArrayList<>(m.getFields());
        for (GroupElement g : m.getGroups()) {
            fields.add(field(name, g, g.getLabel()));
            nested.add(groupMessage(g));
            found.add(new ProtoGroups.GroupField(name, g.getName(), g.getTag()));
        }
        List<OneOfElement> oneOfs = new ArrayList<>();
        for (OneOfElement o : m.getOneOfs()) {
            List<FieldElement> members = new ArrayList<>(o.getFields());
            for (GroupElement g : o.getGroups()) {
                members.add(field(name, g, null));
                nested.add(groupMessage(g));
                found.add(new ProtoGroups.GroupField(name, g.getName(), g.getTag()));
            }
            oneOfs.add(new OneOfElement(o.getName(), o.getDocumentation(), members, List.of(), o.getOptions(),
                    o.getLocation()));
        }
        return new MessageElement(m.getLocation(), m.getName(), m.getDocumentation(), nested, m.getOptions(),
                m.getReserveds(), fields, oneOfs, m.getExtensions(), List.of(), m.getExtendDeclarations());
    }

    /** Typed by its fully qualified name, so no other {@code Result} in scope can capture it. */
    private static FieldElement field(String owner, GroupElement g, Field.Label label) {
        return new FieldElement(g.getLocation(), label, "." + owner + "." + g.getName(),
                g.getName().toLowerCase(Locale.ROOT), null, null, g.getTag(), g.getDocumentation(), List.of());
    }

    private static MessageElement groupMessage(GroupElement g) {
        return new MessageElement(g.getLocation(), g.getName(), g.getDocumentation(), List.of(), List.of(),
                List.of(), g.getFields(), List.of(), List.of(), List.of(), List.of());
    }
}
