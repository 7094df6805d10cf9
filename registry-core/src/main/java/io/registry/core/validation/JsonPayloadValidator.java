package io.registry.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.registry.core.schema.json.JsonParsedSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema payload validation with networknt json-schema-validator (drafts 4, 6, 7, 2019-09, 2020-12, picked
 * by {@code $schema}; draft 7 without one, like Confluent). Registry references are served to {@code $ref} by
 * their reference names. {@code format} is asserted.
 */
final class JsonPayloadValidator implements PayloadValidator {
    /** Keywords reported on an object about one member: the pointer names that member (missing or extra). */
    private static final java.util.Set<String> MEMBER_KEYWORDS = java.util.Set.of("required", "additionalProperties",
            "unevaluatedProperties", "dependentRequired", "dependencies");
    private final Schema schema;

    JsonPayloadValidator(JsonParsedSchema parsed) {
        JsonNode root = parsed.node();
        SpecificationVersion version = SpecificationVersion.fromSchemaNode(root)
                .orElse(SpecificationVersion.DRAFT_7);
        Map<String, String> referenced = new HashMap<>();
        parsed.referencedSchemas().forEach((name, node) -> referenced.put(name, node.toString()));
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(version, builder -> {
            builder.schemaRegistryConfig(config);
            if (!referenced.isEmpty()) {
                builder.schemas(referenced);
            }
        });
        this.schema = registry.getSchema(root);
        this.schema.initializeValidators();
    }

    @Override
    public ValidationResult validate(JsonNode payload) {
        List<ValidationError> errors = new ArrayList<>();
        for (Error e : schema.validate(payload)) {
            String path = pointer(e);
            errors.add(new ValidationError(path, e.getKeyword(), message(e)));
        }
        return ValidationResult.of(errors);
    }

    private static String pointer(Error e) {
        String path = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        if ("/".equals(path)) {
            path = "";
        }
        if (e.getProperty() != null && MEMBER_KEYWORDS.contains(e.getKeyword())) {
            return PayloadValidators.child(path, e.getProperty());
        }
        return path;
    }

    /** networknt prefixes messages with the instance location; the path is reported separately. */
    private static String message(Error e) {
        String m = e.getMessage();
        String location = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        if (!location.isEmpty() && m.startsWith(location + ": ")) {
            return m.substring(location.length() + 2);
        }
        if (m.startsWith(": ")) {
            return m.substring(2);
        }
        return m;
    }
}
