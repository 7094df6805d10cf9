package io.registry.api.confluent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;
import io.registry.readmodel.VersionExtras;

import java.util.List;
import java.util.Optional;

/**
 * Confluent's response shapes as typed records: its field names in its order, absent fields left out. Like
 * Confluent, {@code schemaType} is omitted for AVRO and {@code references} when empty.
 */
final class SchemaBodies {
    private SchemaBodies() {
    }

    /** A schema reference: {@code {"name","subject","version"}}. */
    @JsonPropertyOrder({"name", "subject", "version"})
    record Reference(String name, String subject, int version) {
    }

    /** {@code GET /schemas/ids/{id}}: {@code {"schemaType"?, "references"?, "schema", "maxId"?}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"schemaType", "references", "schema", "maxId"})
    record ById(String schemaType, List<Reference> references, String schema, Integer maxId) {
        ById withSchema(String text) {
            return new ById(schemaType, references, text, maxId);
        }

        ById withMaxId(int id) {
            return new ById(schemaType, references, schema, id);
        }
    }

    /**
     * A subject version: {@code {"subject","version","id","schemaType"?,"references"?,"metadata"?,"ruleSet"?,
     * "schema"}} (Confluent's {@code metadata}/{@code ruleSet} between {@code references} and {@code schema}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"subject", "version", "id", "schemaType", "references", "metadata", "ruleSet", "schema"})
    record Version(String subject, int version, int id, String schemaType, List<Reference> references,
                   JsonNode metadata, JsonNode ruleSet, String schema) {
        Version withSchema(String text) {
            return new Version(subject, version, id, schemaType, references, metadata, ruleSet, text);
        }
    }

    /**
     * Confluent's full {@code RegisterSchemaResponse} (an IMPORT replay):
     * {@code {"id","version","schemaType"?,"references"?,"metadata"?,"ruleSet"?,"schema"}}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "version", "schemaType", "references", "metadata", "ruleSet", "schema"})
    record Registered(int id, int version, String schemaType, List<Reference> references, JsonNode metadata,
                      JsonNode ruleSet, String schema) {
    }

    /** {@code {"id"}}: Confluent's short {@code RegisterSchemaResponse}. */
    record Id(int id) {
    }

    /** {@code {"subject","version"}}. */
    @JsonPropertyOrder({"subject", "version"})
    record SubjectAndVersion(String subject, int version) {
    }

    static ById byId(StoredSchema schema) {
        return new ById(schemaType(schema), references(schema), schema.schema(), null);
    }

    static Version version(SubjectVersion version, StoredSchema schema) {
        return version(version, schema, Optional.empty());
    }

    static Version version(SubjectVersion version, StoredSchema schema, Optional<VersionExtras> extras) {
        return new Version(version.subject(), version.version(), version.schemaId(), schemaType(schema),
                references(schema), extras.map(VersionExtras::metadata).orElse(null),
                extras.map(VersionExtras::ruleSet).orElse(null), schema.schema());
    }

    static Registered registered(SubjectVersion version, StoredSchema schema, Optional<VersionExtras> extras) {
        return new Registered(version.schemaId(), version.version(), schemaType(schema), references(schema),
                extras.map(VersionExtras::metadata).orElse(null), extras.map(VersionExtras::ruleSet).orElse(null),
                schema.schema());
    }

    static SubjectAndVersion subjectVersion(SubjectVersion version) {
        return new SubjectAndVersion(version.subject(), version.version());
    }

    private static String schemaType(StoredSchema schema) {
        return schema.type() == SchemaType.AVRO ? null : schema.type().name();
    }

    private static List<Reference> references(StoredSchema schema) {
        if (schema.references().isEmpty()) {
            return null;
        }
        return schema.references().stream().map(r -> new Reference(r.name(), r.subject(), r.version())).toList();
    }
}
