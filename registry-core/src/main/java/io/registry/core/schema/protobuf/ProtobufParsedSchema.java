package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A linked {@code .proto} file. Keeps the canonical element (for the text and message indexes) and wire's
 * linked model of the file and all it imports (for compatibility, which needs resolved types).
 */
public final class ProtobufParsedSchema implements ParsedSchema {
    private final ProtoFileElement canonicalElement;
    private final LinkedProto linked;
    private final List<SchemaReference> references;
    private final Map<String, SchemaReference> referencesByImport;
    private final String canonical;
    private final boolean normalized;

    ProtobufParsedSchema(ProtoFileElement canonicalElement, LinkedProto linked, List<SchemaReference> references,
                         Map<String, SchemaReference> referencesByImport, boolean normalized) {
        this.canonicalElement = canonicalElement;
        this.linked = linked;
        this.references = List.copyOf(references);
        this.referencesByImport = Map.copyOf(referencesByImport);
        this.canonical = CanonicalProtoText.of(canonicalElement);
        this.normalized = normalized;
    }

    @Override
    public SchemaType type() {
        return SchemaType.PROTOBUF;
    }

    @Override
    public String canonical() {
        return canonical;
    }

    @Override
    public List<SchemaReference> references() {
        return references;
    }

    public boolean normalized() {
        return normalized;
    }

    @Override
    public boolean hasTopLevelField(String name) {
        for (TypeElement type : canonicalElement.getTypes()) {
            if (type instanceof MessageElement message
                    && (message.getFields().stream().anyMatch(f -> f.getName().equals(name))
                    || message.getOneOfs().stream().flatMap(o -> o.getFields().stream())
                    .anyMatch(f -> f.getName().equals(name)))) {
                return true;
            }
        }
        return false;
    }

    ProtoFileElement canonicalElement() {
        return canonicalElement;
    }

    /**
     * Base64 of the file's {@code google.protobuf.FileDescriptorProto} (Confluent's {@code format=serialized}),
     * encoded by wire from the linked file; imports appear as dependencies by their import names. proto2 groups
     * appear as protoc writes them: a {@code TYPE_GROUP} field and its nested message (Confluent leaves them out).
     */
    public String serializedDescriptor() {
        okio.ByteString bytes = new com.squareup.wire.schema.internal.SchemaEncoder(linked.schema())
                .encode(linked.file());
        return GroupFieldTypes.mark(bytes, linked.groups()).base64();
    }

    /**
     * The message a Confluent client uses by default: the first message of the file, package-qualified
     * (Confluent's {@code ProtobufSchema.name()}); empty when the file declares no message.
     */
    public Optional<String> firstMessageName() {
        for (TypeElement type : canonicalElement.getTypes()) {
            if (type instanceof MessageElement) {
                return Optional.of(MessageIndexes.nameOf(canonicalElement, List.of(0)));
            }
        }
        return Optional.empty();
    }

    /**
     * The message-index path a producer writes before a payload of message {@code fullyQualifiedName}
     * ({@code acme.v1.Order.Line} → e.g. {@code [1, 0]}).
     *
     * @throws IllegalArgumentException when the file has no such message
     */
    public List<Integer> messageIndexes(String fullyQualifiedName) {
        return MessageIndexes.of(canonicalElement, fullyQualifiedName);
    }

    /**
     * The reverse of {@link #messageIndexes}: the package-qualified message name; an empty list means the
     * first message.
     *
     * @throws IllegalArgumentException when an index points past the messages at its level
     */
    public String messageName(List<Integer> indexes) {
        return MessageIndexes.nameOf(canonicalElement, indexes);
    }

    // ---- for compatibility ---------------------------------------------------------------------------------

    /** wire's linked model of this file and its imports (payload validation, compatibility). */
    public Schema linkedSchema() {
        return linked.schema();
    }

    ProtoFile file() {
        return linked.file();
    }

    /** The proto2 groups, which wire's model shows as plain fields of nested message types. */
    ProtoGroups groups() {
        return linked.groups();
    }

    /**
     * Where a type is declared, as an identity for "same definition": the schema itself, a registered
     * reference (subject and version), or empty for a built-in file.
     */
    Optional<String> definitionSource(ProtoType type) {
        ProtoFile declaring = linked.schema().protoFile(type);
        if (declaring == null) {
            return Optional.empty();
        }
        String path = declaring.getLocation().getPath();
        if (path.equals(linked.path())) {
            return Optional.of("");
        }
        SchemaReference ref = referencesByImport.get(path);
        return ref == null ? Optional.empty() : Optional.of(ref.subject() + "\u0000" + ref.version());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtobufParsedSchema other && canonical.equals(other.canonical)
                && references.equals(other.references);
    }

    @Override
    public int hashCode() {
        return Objects.hash(canonical, references);
    }

    @Override
    public String toString() {
        return canonical;
    }
}
