package io.registry.api.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.api.http.RegistryException;
import io.registry.api.read.RegistryReads;
import io.registry.core.command.ErrorCode;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaType;
import io.registry.core.semver.ChangeAssessment;
import io.registry.core.semver.SemverPolicy;
import io.registry.core.subject.CompatibilityRules;
import io.registry.core.subject.QualifiedSubject;
import io.registry.core.subject.SubjectHistory;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Request parsing and read-side assembly shared by the {@code /api/v1} controllers. */
final class V1Api {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RegistryReads reads;
    private final V1Settings settings;

    V1Api(RegistryReads reads, V1Settings settings) {
        this.reads = reads;
        this.settings = settings;
    }

    RegistryReads reads() {
        return reads;
    }

    JsonNode body(byte[] body) {
        if (body == null || body.length == 0) {
            throw V1Responses.badRequest("Request body is required");
        }
        if (body.length > settings.getMaxBodyBytes()) {
            throw V1Responses.tooLarge("Request body of " + body.length + " bytes exceeds the limit of "
                    + settings.getMaxBodyBytes() + " bytes");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw V1Responses.badRequest("Request body is required");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw V1Responses.badRequest("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw V1Responses.badRequest("Unreadable body: " + e.getMessage());
        }
    }

    JsonNode object(byte[] body) {
        JsonNode node = body(body);
        if (!node.isObject()) {
            throw V1Responses.badRequest("Request body must be a JSON object");
        }
        return node;
    }

    static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw V1Responses.unprocessable("Field '" + field + "' is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw V1Responses.unprocessable("Field '" + field + "' must be a string");
        }
        return v.asText();
    }

    static String subject(JsonNode node) {
        String subject = text(node, "subject", true);
        if (subject.isBlank() || subject.chars().anyMatch(Character::isISOControl)) {
            throw new RegistryException(ErrorCode.INVALID_SUBJECT, "Invalid subject name: '" + subject + "'");
        }
        return subject;
    }

    static SchemaType schemaType(JsonNode node) {
        String name = text(node, "schema_type", true);
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "json":
                return SchemaType.JSON;
            case "avro":
                return SchemaType.AVRO;
            case "protobuf":
                return SchemaType.PROTOBUF;
            default:
                throw V1Responses.unprocessable("Unknown schema_type '" + name
                        + "'; expected one of json, avro, protobuf");
        }
    }

    /** The schema text: a JSON string is the text itself; an object or array is its JSON. */
    String schemaText(JsonNode node) {
        JsonNode v = node.get("schema");
        if (v == null || v.isNull()) {
            throw V1Responses.unprocessable("Field 'schema' is required");
        }
        String text;
        if (v.isTextual()) {
            text = v.asText();
        } else if (v.isObject() || v.isArray()) {
            text = v.toString();
        } else {
            throw V1Responses.unprocessable("Field 'schema' must be a JSON object or a string");
        }
        if (text.isBlank()) {
            throw new RegistryException(ErrorCode.INVALID_SCHEMA, "Empty schema");
        }
        int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > settings.getMaxSchemaBytes()) {
            throw new RegistryException(ErrorCode.SCHEMA_TOO_LARGE, "Schema of " + bytes
                    + " bytes exceeds the limit of " + settings.getMaxSchemaBytes() + " bytes");
        }
        return text;
    }

    /**
     * The request's schema as the sequencer will store it under {@code subject}: normalized when the subject's
     * config in effect says so, so that an identical retry finds the version it registered.
     */
    ParsedSchema parse(String subject, SchemaType type, String text) {
        try {
            return reads.parse(subject, type, text, List.of(), reads.normalize(subject, false));
        } catch (InvalidSchemaException e) {
            throw new RegistryException(ErrorCode.INVALID_SCHEMA, e.getMessage());
        }
    }

    /**
     * An identical registration's repeat: the newest live version of {@code subject} holding exactly this type and
     * text as the log stores it, found by one lookup without parsing ({@link RegistryReads#findRepeat}). Any other
     * spelling of the same content goes to the sequencer, which answers repeats itself.
     */
    Optional<SubjectVersion> repeatOf(String subject, SchemaType type, String text) {
        return reads.findRepeat(subject, type, text, List.of()).flatMap(id -> {
            List<SubjectVersion> live = live(subject);
            for (int i = live.size() - 1; i >= 0; i--) {
                if (live.get(i).schemaId() == id) {
                    return Optional.of(live.get(i));
                }
            }
            return Optional.empty();
        });
    }

    /**
     * The fingerprint of the schema a registration was given, read once read-your-writes has waited for it; null
     * while no store that is up has it (the write itself succeeded).
     */
    String fingerprintOf(String subject, int schemaId) {
        return reads.findSchema(QualifiedSubject.contextOf(subject), schemaId).map(StoredSchema::fingerprint)
                .orElse(null);
    }

    /** Live versions of a subject, oldest first; empty for an unknown subject. */
    List<SubjectVersion> live(String subject) {
        return reads.liveVersions(subject);
    }

    V1Metadata metadata(SubjectVersion v) {
        return V1Metadata.fromConfluent(confluentMetadata(v));
    }

    /** The version's Confluent metadata, where {@code /api/v1} keeps what it records (null when none). */
    JsonNode confluentMetadata(SubjectVersion v) {
        return reads.metadataOf(v);
    }

    /**
     * A subject's live versions read once, so that "is this content already there?" and "what change is it?" are
     * answered from the same state (two reads could straddle a concurrent registration of the same content).
     */
    Subject subjectState(String subject) {
        return new Subject(subject, live(subject));
    }

    final class Subject {
        private final String name;
        private final List<SubjectVersion> live;

        private Subject(String name, List<SubjectVersion> live) {
            this.name = name;
            this.live = live;
        }

        /** The latest live version holding exactly this content, if any. */
        Optional<SubjectVersion> holding(ParsedSchema proposed) {
            for (int i = live.size() - 1; i >= 0; i--) {
                if (reads.schemaOf(live.get(i)).fingerprint().equals(proposed.fingerprint())) {
                    return Optional.of(live.get(i));
                }
            }
            return Optional.empty();
        }

        /**
         * What {@code proposed} would change, as the sequencer would judge it now ({@link SemverPolicy}, the one
         * rule it decides registrations with) under {@code level}, else the subject's settings. A schema of another
         * type than the subject's is refused with 409 by the same type guard, never compared. Only answers
         * questions: a registration's semantic version is decided by the sequencer.
         */
        ChangeAssessment assess(ParsedSchema proposed, JsonNode proposedMetadata,
                                Optional<CompatibilityLevel> level) {
            SubjectHistory<SubjectVersion> history = SubjectHistory.of(live, V1Api.this::confluentMetadata,
                    v -> reads.parsed(QualifiedSubject.contextOf(v.subject()), reads.schemaOf(v)));
            SemverPolicy.typeConflict(name, proposed, history).ifPresent(why -> {
                throw new RegistryException(ErrorCode.INCOMPATIBLE_SCHEMA, why);
            });
            CompatibilityRules.Settings settings = reads.compatibilitySettings(name);
            if (level.isPresent()) {
                settings = settings.withLevel(level.get());
            }
            JsonNode judged = proposedMetadata != null ? proposedMetadata : history.latestMetadata();
            return SemverPolicy.assess(reads.format(proposed.type()), settings, proposed, judged,
                    history);
        }
    }

    /** {@code {id, subject, version, semver, fingerprint}}. */
    V1Bodies.Registration registration(SubjectVersion v) {
        return new V1Bodies.Registration(v.schemaId(), v.subject(), v.version(), semver(metadata(v)),
                reads.schemaOf(v).fingerprint());
    }

    /** The version with its type, schema, description and metadata. */
    V1Bodies.Version version(SubjectVersion v) {
        StoredSchema schema = reads.schemaOf(v);
        V1Metadata meta = metadata(v);
        return new V1Bodies.Version(v.schemaId(), v.subject(), v.version(), semver(meta), schema.fingerprint(),
                schema.type().name().toLowerCase(Locale.ROOT), schemaValue(schema), meta.description(), meta.user());
    }

    /** The latest version of a subject as a search hit. */
    V1Bodies.Listed listed(SubjectVersion v, V1Metadata meta) {
        return new V1Bodies.Listed(v.schemaId(), v.subject(), v.version(), semver(meta),
                reads.schemaOf(v).fingerprint(), meta.description(), meta.user());
    }

    private static String semver(V1Metadata meta) {
        return meta.semver().map(Object::toString).orElse(null);
    }

    /** JSON and Avro schemas answer as JSON values; Protobuf as its text. */
    static Object schemaValue(StoredSchema schema) {
        if (schema.type() == SchemaType.PROTOBUF) {
            return schema.schema();
        }
        try {
            return MAPPER.readTree(schema.schema());
        } catch (IOException e) {
            return schema.schema();
        }
    }
}
