package io.registry.api.confluent;

import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;
import io.registry.readmodel.VersionExtras;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Confluent's response shapes. Like Confluent, {@code schemaType} is omitted for AVRO and empty references. */
final class SchemaBodies {
    private SchemaBodies() {
    }

    /** {@code GET /schemas/ids/{id}}: {@code {"schemaType"?, "references"?, "schema"}}. */
    static Map<String, Object> byId(StoredSchema schema) {
        Map<String, Object> body = new LinkedHashMap<>();
        putTypeAndReferences(body, schema);
        body.put("schema", schema.schema());
        return body;
    }

    /** A subject version: {@code {"subject","version","id","schemaType"?,"references"?,"schema"}}. */
    static Map<String, Object> version(SubjectVersion version, StoredSchema schema) {
        return version(version, schema, Optional.empty());
    }

    /** With Confluent's {@code metadata}/{@code ruleSet} between {@code references} and {@code schema}. */
    static Map<String, Object> version(SubjectVersion version, StoredSchema schema, Optional<VersionExtras> extras) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", version.subject());
        body.put("version", version.version());
        body.put("id", version.schemaId());
        putTypeAndReferences(body, schema);
        extras.ifPresent(e -> {
            if (e.metadata() != null) {
                body.put("metadata", e.metadata());
            }
            if (e.ruleSet() != null) {
                body.put("ruleSet", e.ruleSet());
            }
        });
        body.put("schema", schema.schema());
        return body;
    }

    /**
     * Confluent's full {@code RegisterSchemaResponse} (an IMPORT replay):
     * {@code {"id","version","schemaType"?,"references"?,"metadata"?,"ruleSet"?,"schema"}}.
     */
    static Map<String, Object> registered(SubjectVersion version, StoredSchema schema, Optional<VersionExtras> extras) {
        Map<String, Object> body = version(version, schema, extras);
        body.remove("subject");
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("id", body.remove("id"));
        ordered.putAll(body);
        return ordered;
    }

    static Map<String, Object> subjectVersion(SubjectVersion version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", version.subject());
        body.put("version", version.version());
        return body;
    }

    private static void putTypeAndReferences(Map<String, Object> body, StoredSchema schema) {
        if (schema.type() != SchemaType.AVRO) {
            body.put("schemaType", schema.type().name());
        }
        if (!schema.references().isEmpty()) {
            List<Map<String, Object>> refs = new ArrayList<>();
            for (SchemaReference r : schema.references()) {
                Map<String, Object> ref = new LinkedHashMap<>();
                ref.put("name", r.name());
                ref.put("subject", r.subject());
                ref.put("version", r.version());
                refs.add(ref);
            }
            body.put("references", refs);
        }
    }
}
