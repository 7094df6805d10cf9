package io.registry.core.schema.protobuf;

import com.squareup.wire.Syntax;
import com.squareup.wire.schema.ProtoFile;

import java.util.List;
import java.util.Objects;

import static io.registry.core.schema.protobuf.ProtobufDifferenceType.PACKAGE_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.SYNTAX_CHANGED;

/**
 * Confluent's Protobuf compatibility: all differences from the writer's file to the reader's (Confluent's
 * {@code SchemaDiff.compare(original, update)}), of which the incompatible ones are the answer. The rule is
 * directional only through which side is which: BACKWARD passes (reader = new, writer = old).
 */
final class ProtobufCompatibility {
    private ProtobufCompatibility() {
    }

    static List<String> readIncompatibilities(ProtobufParsedSchema reader, ProtobufParsedSchema writer) {
        return differences(reader, writer).stream()
                .filter(d -> !d.compatible())
                .map(ProtobufDifference::toMessage)
                .toList();
    }

    /** Every difference, compatible ones included (they explain a verdict and are what tests assert on). */
    static List<ProtobufDifference> differences(ProtobufParsedSchema reader, ProtobufParsedSchema writer) {
        DiffContext ctx = new DiffContext(new DiffSide(writer), new DiffSide(reader));
        ProtoFile w = ctx.writer.file();
        ProtoFile r = ctx.reader.file();
        if (!packageOf(w).equals(packageOf(r))) {
            ctx.add(PACKAGE_CHANGED, "'" + packageOf(w) + "' -> '" + packageOf(r) + "'");
        }
        if (syntaxOf(w) != syntaxOf(r)) {
            ctx.add(SYNTAX_CHANGED, syntaxOf(w) + " -> " + syntaxOf(r));
        }
        TypeListDiff.compare(ctx, w.getTypes(), r.getTypes());
        return List.copyOf(ctx.differences());
    }

    private static String packageOf(ProtoFile file) {
        return Objects.requireNonNullElse(file.getPackageName(), "");
    }

    /** A file without a {@code syntax} statement is proto2. */
    private static Syntax syntaxOf(ProtoFile file) {
        return file.getSyntax() == null ? Syntax.PROTO_2 : file.getSyntax();
    }
}
