package io.registry.core.schema.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The packages and types a {@code .proto} file can see (its own declarations and those of the files it may
 * import), used to write a descriptor's fully-qualified type reference ({@code .acme.v1.Order.Line}) the way a
 * person writes it in {@code .proto} text: the shortest name that still resolves to the same type from where it
 * is used ({@code Line} inside {@code Order}) for a type of the file's own package, and the full name without the
 * leading dot ({@code google.protobuf.Timestamp}) for a type of another package, as style guides and most people
 * write them. So a schema sent as a descriptor usually gets the same canonical text, and therefore the same id,
 * as the same schema sent as text.
 *
 * <p>Fields, enum values and methods are left out on purpose: both protoc and wire skip them when they resolve a
 * type name.
 */
final class ProtoSymbols {
    private final String filePackage;
    private final Set<String> packages = new HashSet<>();
    private final Set<String> types = new HashSet<>();

    /** @param filePackage the package of the file whose references are written ("" for none) */
    ProtoSymbols(String filePackage) {
        this.filePackage = filePackage;
    }

    void add(FileDescriptorProto file) {
        String pkg = file.getPackage();
        addPackage(pkg);
        file.getMessageTypeList().forEach(message -> add(pkg, message));
        file.getEnumTypeList().forEach(e -> types.add(join(pkg, e.getName())));
    }

    void add(ProtoFileElement file) {
        String pkg = file.getPackageName() == null ? "" : file.getPackageName();
        addPackage(pkg);
        file.getTypes().forEach(type -> add(pkg, type));
    }

    /**
     * How {@code typeName} (fully qualified, with its leading dot) is written in a declaration in scope
     * {@code scope} (the fully-qualified name of the enclosing message, or the package): for a type of the file's
     * package the shortest trailing part of the name that resolves to it there, for another one the full name.
     * A name that resolves to something else without its leading dot, or that this file cannot see, keeps the
     * dot; a name without the leading dot is already relative and stays as written.
     */
    String reference(String typeName, String scope) {
        if (!typeName.startsWith(".")) {
            return typeName;
        }
        String target = typeName.substring(1);
        if (!types.contains(target)) {
            return typeName;
        }
        String[] parts = target.split("\\.");
        List<String> candidates = new ArrayList<>();
        boolean ownPackage = filePackage.isEmpty() ? !packages.contains(parts[0])
                : target.startsWith(filePackage + ".");
        if (ownPackage) {
            int packageParts = filePackage.isEmpty() ? 0 : filePackage.split("\\.").length;
            for (int first = parts.length - 1; first >= packageParts; first--) {
                candidates.add(String.join(".", Arrays.asList(parts).subList(first, parts.length)));
            }
        }
        candidates.add(target);
        for (String candidate : candidates) {
            if (resolvesTo(candidate, candidate.split("\\.", 2)[0], scope, target)) {
                return candidate;
            }
        }
        return typeName;
    }

    /**
     * Resolution as protoc and wire do it, taken conservatively: walking out from the innermost scope, the first
     * level that declares the name's first component (protoc, which never backtracks) or the whole name (wire)
     * decides, and the name must mean the target there.
     */
    private boolean resolvesTo(String candidate, String firstComponent, String scope, String target) {
        String level = scope;
        while (true) {
            String head = join(level, firstComponent);
            String whole = join(level, candidate);
            if (types.contains(head) || packages.contains(head) || types.contains(whole)) {
                return whole.equals(target);
            }
            if (level.isEmpty()) {
                return false;
            }
            int dot = level.lastIndexOf('.');
            level = dot < 0 ? "" : level.substring(0, dot);
        }
    }

    private void add(String scope, DescriptorProto message) {
        String name = join(scope, message.getName());
        types.add(name);
        message.getNestedTypeList().forEach(nested -> add(name, nested));
        for (EnumDescriptorProto e : message.getEnumTypeList()) {
            types.add(join(name, e.getName()));
        }
    }

    private void add(String scope, TypeElement type) {
        String name = join(scope, type.getName());
        types.add(name);
        type.getNestedTypes().forEach(nested -> add(name, nested));
    }

    private void addPackage(String pkg) {
        for (int dot = pkg.indexOf('.'); dot >= 0; dot = pkg.indexOf('.', dot + 1)) {
            packages.add(pkg.substring(0, dot));
        }
        if (!pkg.isEmpty()) {
            packages.add(pkg);
        }
    }

    static String join(String scope, String name) {
        return scope.isEmpty() ? name : scope + "." + name;
    }
}
