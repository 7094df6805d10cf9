package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.ResolvedReference;
import io.registry.core.schema.SchemaFormat;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Protobuf via Square's wire-schema: its parser and linker validate, its printer gives the canonical text, and
 * {@link ProtobufCompatibility} applies Confluent's Protobuf compatibility rules to wire's linked model.
 *
 * <p>References are further {@code .proto} files, each available to {@code import} under its reference name.
 * {@code google/protobuf/*.proto} and Confluent's {@code confluent/meta.proto} and
 * {@code confluent/type/decimal.proto} need no reference (see {@link WellKnownProtos}).
 *
 * <p>The schema may also be sent as the base64 of a {@code FileDescriptorProto}, as Confluent accepts it
 * (see {@link DescriptorSchemaText}).
 *
 * <p>Canonical form: the file re-printed by wire without comments (see {@link CanonicalProtoText}). With
 * {@code normalize=true} it is normalized first as Confluent does (see {@link ProtoNormalizer}), and the
 * references are sorted with duplicates dropped, as Confluent's {@code normalize()} does.
 */
public final class ProtobufFormat implements SchemaFormat {
    private static final Comparator<SchemaReference> REFERENCE_ORDER = Comparator
            .comparing(SchemaReference::name, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(SchemaReference::subject, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparingInt(SchemaReference::version);

    @Override
    public SchemaType type() {
        return SchemaType.PROTOBUF;
    }

    @Override
    public ParsedSchema parse(String text, List<SchemaReference> references, List<ResolvedReference> resolved,
                              boolean normalize) {
        List<ResolvedReference> all = resolved == null ? List.of() : resolved;
        List<SchemaReference> direct = references == null ? List.of() : references;
        // A base64 FileDescriptorProto (what Confluent's Python and JavaScript serializers send) becomes its
        // .proto text here, so everything after (canonical form, id, compatibility) is that of the text.
        String source = DescriptorSchemaText.decode(text, all).orElse(text);
        LinkedProto linked = ProtoSchemaLinker.link(source, all);
        ProtoElementRewriter rewriter = normalize ? new ProtoNormalizer(linked.schema()) : new ProtoElementRewriter();
        ProtoFileElement canonical = rewriter.rewrite(linked.element());
        Map<String, SchemaReference> byImport = new HashMap<>();
        for (ResolvedReference ref : all) {
            byImport.put(ref.reference().name(), ref.reference());
        }
        List<SchemaReference> kept = normalize
                ? direct.stream().distinct().sorted(REFERENCE_ORDER).toList()
                : direct;
        return new ProtobufParsedSchema(canonical, linked, kept, byImport, normalize);
    }

    /**
     * Confluent's Protobuf formats: {@code serialized} is the base64 of the file's {@code FileDescriptorProto}
     * (wire's encoder of the linked file); {@code ignore_extensions} is the canonical text without {@code extend}
     * blocks and without custom (extension) options, the {@code (name)} ones.
     */
    @Override
    public String formatted(ParsedSchema schema, String format) {
        if (!(schema instanceof ProtobufParsedSchema proto)) {
            return schema.canonical();
        }
        String name = SchemaFormat.formatName(format);
        if ("serialized".equals(name)) {
            return proto.serializedDescriptor();
        }
        if ("ignore_extensions".equals(name)) {
            return CanonicalProtoText.of(new ExtensionsDroppingRewriter().rewrite(proto.canonicalElement()));
        }
        return schema.canonical();
    }

    @Override
    public List<String> readIncompatibilities(ParsedSchema reader, ParsedSchema writer) {
        if (!(reader instanceof ProtobufParsedSchema r) || !(writer instanceof ProtobufParsedSchema w)) {
            return List.of("Incompatible because of different schema type");
        }
        return ProtobufCompatibility.readIncompatibilities(r, w);
    }
}
