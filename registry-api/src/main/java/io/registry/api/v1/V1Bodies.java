package io.registry.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The typed answers of {@code /api/v1}: snake_case field names, in this order; unknown values are written as
 * {@code null}, never left out (clients read a fixed shape).
 */
final class V1Bodies {
    private V1Bodies() {
    }

    /** A registration ({@code POST /api/v1/schemas}, lists): {@code {id, subject, version, semver, fingerprint}}. */
    @JsonPropertyOrder({"id", "subject", "version", "semver", "fingerprint"})
    record Registration(int id, String subject, int version, String semver, String fingerprint) {
    }

    /** One version with its schema and what was registered with it ({@code GET …/versions/{semver|latest}}). */
    @JsonPropertyOrder({"id", "subject", "version", "semver", "fingerprint", "schema_type", "schema", "description",
            "metadata"})
    record Version(int id, String subject, int version, String semver, String fingerprint,
                   @JsonProperty("schema_type") String schemaType, Object schema, String description,
                   JsonNode metadata) {
    }

    /** A search hit: the latest version of a subject with its description and metadata. */
    @JsonPropertyOrder({"id", "subject", "version", "semver", "fingerprint", "description", "metadata"})
    record Listed(int id, String subject, int version, String semver, String fingerprint, String description,
                  JsonNode metadata) {
    }

    /** A subject version using a schema ({@code GET /api/v1/schemas/{id}}). */
    @JsonPropertyOrder({"subject", "version", "semver", "description", "metadata"})
    record Usage(String subject, int version, String semver, String description, JsonNode metadata) {
    }

    /** {@code GET /api/v1/schemas/{id}}. */
    @JsonPropertyOrder({"id", "schema_type", "schema", "fingerprint", "versions"})
    record Schema(int id, @JsonProperty("schema_type") String schemaType, Object schema, String fingerprint,
                  List<Usage> versions) {
    }

    /** {@code GET /api/v1/schemas}. */
    record Found(List<Listed> schemas) {
    }

    /** {@code GET /api/v1/subjects/{subject}/versions}. */
    @JsonPropertyOrder({"subject", "versions"})
    record Versions(String subject, List<Registration> versions) {
    }

    /**
     * {@code POST /api/v1/compatibility/check}; {@code existing} only when the subject already holds the content
     * (then {@code bump} is {@code none} and {@code next_semver} null).
     */
    @JsonPropertyOrder({"compatible", "level", "messages", "bump", "breaking_changes", "current_semver",
            "next_semver", "existing"})
    record Check(boolean compatible, String level, List<String> messages, String bump,
                 @JsonProperty("breaking_changes") List<String> breakingChanges,
                 @JsonProperty("current_semver") String currentSemver,
                 @JsonProperty("next_semver") String nextSemver,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Registration existing) {
    }

    /** One reason a payload is invalid; {@code path} is a JSON Pointer. */
    @JsonPropertyOrder({"path", "keyword", "message"})
    record Error(String path, String keyword, String message) {
    }

    /** {@code POST /api/v1/validate/{id}} with one payload. */
    @JsonPropertyOrder({"valid", "errors"})
    record Validation(boolean valid, List<Error> errors) {
    }

    /** {@code POST /api/v1/validate/{id}} with {@code {"payloads": [...]}}. */
    @JsonPropertyOrder({"valid", "valid_count", "invalid_count", "results"})
    record Batch(boolean valid, @JsonProperty("valid_count") int validCount,
                 @JsonProperty("invalid_count") int invalidCount, List<Validation> results) {
    }

    /** {@code GET /api/v1/schemas/{id}/llm}. */
    @JsonPropertyOrder({"id", "target", "name", "definition"})
    record Export(int id, String target, String name, JsonNode definition) {
    }

    /** A construct a provider's strict mode does not accept. */
    @JsonPropertyOrder({"path", "construct", "message"})
    record Problem(String path, String construct, String message) {
    }

    /** The 422 of an export that would not be faithful: the registry's error plus what is unsupported. */
    @JsonPropertyOrder({"error_code", "message", "target", "problems"})
    record Refusal(@JsonProperty("error_code") int errorCode, String message, String target,
                   List<Problem> problems) {
    }
}
