package io.registry.core.schema.protobuf;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import io.registry.core.schema.ResolvedReference;

import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Confluent's second spelling of a Protobuf schema: the base64 of a serialized
 * {@code google.protobuf.FileDescriptorProto}, which Confluent's Python {@code ProtobufSerializer} and the
 * JavaScript one (with {@code autoRegisterSchemas}) send instead of {@code .proto} text. Confluent's
 * {@code ProtobufSchema} tries the text first and falls back to the descriptor; the registry then only ever keeps
 * the {@code .proto} text, so canonical form, ids, compatibility and {@code format=serialized} are those of the
 * text.
 */
final class DescriptorSchemaText {
    /**
     * Strict base64 without whitespace: such a string can never be {@code .proto} text (every statement needs a
     * {@code ;} or braces), so no text is ever mistaken for a descriptor.
     */
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private DescriptorSchemaText() {
    }

    /**
     * The {@code .proto} text of {@code schema} when it is a base64 {@code FileDescriptorProto}; empty when it is
     * anything else (then it is parsed as text, and fails as text if it is neither).
     *
     * @param resolved the schema's references, for the names of the types its imports declare
     * @throws io.registry.core.schema.InvalidSchemaException for a descriptor no {@code .proto} text here can
     *                                                        express
     */
    static Optional<String> decode(String schema, List<ResolvedReference> resolved) {
        Optional<FileDescriptorProto> file = descriptor(schema);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        FileDescriptorProto withOptions = CustomOptionExtensions.decode(file.get(), resolved);
        return Optional.of(FileDescriptorText.of(withOptions, symbols(withOptions, resolved)));
    }

    private static Optional<FileDescriptorProto> descriptor(String schema) {
        if (schema == null) {
            return Optional.empty();
        }
        String trimmed = schema.strip();
        if (trimmed.isEmpty() || !BASE64.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        try {
            FileDescriptorProto file = FileDescriptorProto.parseFrom(Base64.getDecoder().decode(trimmed));
            return declaresAnything(file) ? Optional.of(file) : Optional.empty();
        } catch (IllegalArgumentException | InvalidProtocolBufferException e) {
            return Optional.empty();
        }
    }

    /** Random bytes can parse as a descriptor of unknown fields only; that is not a schema someone sent. */
    private static boolean declaresAnything(FileDescriptorProto file) {
        return file.hasName() || file.hasPackage() || file.hasSyntax() || file.getMessageTypeCount() > 0
                || file.getEnumTypeCount() > 0 || file.getServiceCount() > 0 || file.getExtensionCount() > 0;
    }

    /** The file's own declarations plus those of every file it imports, directly or through an import. */
    private static ProtoSymbols symbols(FileDescriptorProto file, List<ResolvedReference> resolved) {
        Map<String, String> referenced = new HashMap<>();
        for (ResolvedReference ref : resolved) {
            referenced.putIfAbsent(ref.reference().name(), ref.schemaText());
        }
        ProtoSymbols symbols = new ProtoSymbols(file.getPackage());
        symbols.add(file);
        Deque<String> pending = new ArrayDeque<>(file.getDependencyList());
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String path = pending.pop();
            if (!seen.add(path)) {
                continue;
            }
            imported(path, referenced).ifPresent(element -> {
                symbols.add(element);
                pending.addAll(element.getImports());
                pending.addAll(element.getPublicImports());
            });
        }
        return symbols;
    }

    /** An import the linker will load the same way (see {@link ImportLoader}); empty when it cannot. */
    private static Optional<ProtoFileElement> imported(String path, Map<String, String> referenced) {
        String text = referenced.get(path);
        if (text == null) {
            return WellKnownProtos.element(path);
        }
        try {
            return Optional.of(ProtoSchemaLinker.parse(path, text, "reference '" + path + "'"));
        } catch (RuntimeException e) {
            return Optional.empty(); // the linker reports it
        }
    }
}
