package io.registry.core.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.core.log.LogKey.ClearSubjectKey;
import io.registry.core.log.LogKey.ConfigKey;
import io.registry.core.log.LogKey.DeleteSubjectKey;
import io.registry.core.log.LogKey.ModeKey;
import io.registry.core.log.LogKey.NoopKey;
import io.registry.core.log.LogKey.SchemaKey;
import io.registry.core.log.LogValue.ClearSubjectValue;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.log.LogValue.DeleteSubjectValue;
import io.registry.core.log.LogValue.ModeValue;
import io.registry.core.log.LogValue.NoopValue;
import io.registry.core.log.LogValue.SchemaValue;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes {@code _schemas} records in Confluent's JSON formats. Keys are written in Confluent's
 * field order ({@code keytype, subject, version, magic}) because compaction compares key bytes: a key spelled
 * differently would not replace the record it means to replace. Decoding is lenient about unknown fields,
 * since newer Confluent versions add some.
 */
public final class LogRecordCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LogRecordCodec() {
    }

    public static byte[] encodeKey(LogKey key) {
        ObjectNode node = NODES.objectNode();
        node.put("keytype", key.keytype());
        if (key instanceof SchemaKey k) {
            node.put("subject", k.subject());
            node.put("version", k.version());
            node.put("magic", 1);
        } else if (key instanceof NoopKey) {
            node.put("magic", 0);
        } else {
            putSubjectAndMagic0(node, subjectOf(key));
        }
        return write(node);
    }

    /** The subject a key is about, or null for global keys (global config/mode, NOOP). */
    public static String subjectOf(LogKey key) {
        if (key instanceof SchemaKey k) {
            return k.subject();
        } else if (key instanceof ConfigKey k) {
            return k.subject();
        } else if (key instanceof ModeKey k) {
            return k.subject();
        } else if (key instanceof DeleteSubjectKey k) {
            return k.subject();
        } else if (key instanceof ClearSubjectKey k) {
            return k.subject();
        }
        return null;
    }

    private static void putSubjectAndMagic0(ObjectNode node, String subject) {
        if (subject == null) {
            node.putNull("subject");
        } else {
            node.put("subject", subject);
        }
        node.put("magic", 0);
    }

    /** @throws MalformedLogRecordException when the bytes are not a key this registry understands */
    public static LogKey decodeKey(byte[] bytes) {
        JsonNode node = read(bytes);
        String keytype = text(node, "keytype");
        if (keytype == null) {
            throw new MalformedLogRecordException("log key without keytype");
        }
        String subject = text(node, "subject");
        return switch (keytype) {
            case "SCHEMA" -> new SchemaKey(required(subject, "subject"), node.path("version").asInt());
            case "CONFIG" -> new ConfigKey(subject);
            case "MODE" -> new ModeKey(subject);
            case "DELETE_SUBJECT" -> new DeleteSubjectKey(required(subject, "subject"));
            // a null subject is Confluent's global IMPORT switch: every subject (ClearScope)
            case "CLEAR_SUBJECT" -> new ClearSubjectKey(subject);
            case "NOOP" -> new NoopKey();
            default -> throw new MalformedLogRecordException("unknown keytype " + keytype);
        };
    }

    /** @return the encoded value, or null for a tombstone (and for NOOP, whose value Confluent leaves null) */
    public static byte[] encodeValue(LogValue value) {
        if (value == null || value instanceof NoopValue) {
            return null;
        }
        ObjectNode node = NODES.objectNode();
        if (value instanceof SchemaValue v) {
            node.put("subject", v.subject());
            node.put("version", v.version());
            node.put("id", v.id());
                if (v.schemaType() != SchemaType.AVRO) {
                    node.put("schemaType", v.schemaType().name());
                }
                if (!v.references().isEmpty()) {
                    ArrayNode refs = node.putArray("references");
                    for (SchemaReference r : v.references()) {
                        refs.addObject().put("name", r.name()).put("subject", r.subject()).put("version", r.version());
                    }
                }
                if (v.metadata() != null && !v.metadata().isNull()) {
                    node.set("metadata", v.metadata());
                }
                if (v.ruleSet() != null && !v.ruleSet().isNull()) {
                    node.set("ruleSet", v.ruleSet());
                }
                node.put("schema", v.schema());
            node.put("deleted", v.deleted());
        } else if (value instanceof ConfigValue v) {
            putConfig(node, v);
        } else if (value instanceof ModeValue v) {
            node.put("mode", v.mode());
        } else if (value instanceof DeleteSubjectValue v) {
            node.put("subject", v.subject()).put("version", v.version());
        } else if (value instanceof ClearSubjectValue v) {
            node.put("subject", v.subject());
        }
        return write(node);
    }

    /** @return the decoded value, or null for a tombstone */
    public static LogValue decodeValue(LogKey key, byte[] bytes) {
        if (key instanceof NoopKey) {
            return new NoopValue();
        }
        if (bytes == null) {
            return null;
        }
        JsonNode node = read(bytes);
        if (key instanceof SchemaKey k) {
            return new SchemaValue(
                    textOr(node, "subject", k.subject()),
                    node.has("version") ? node.get("version").asInt() : k.version(),
                    node.path("id").asInt(),
                    SchemaType.fromWire(text(node, "schemaType")),
                    required(text(node, "schema"), "schema"),
                    references(node.get("references")),
                    nullIfMissing(node.get("metadata")),
                    nullIfMissing(node.get("ruleSet")),
                    node.path("deleted").asBoolean(false));
        } else if (key instanceof ConfigKey) {
            return config(node);
        } else if (key instanceof ModeKey) {
            return new ModeValue(text(node, "mode"));
        } else if (key instanceof DeleteSubjectKey k) {
            return new DeleteSubjectValue(textOr(node, "subject", k.subject()), node.path("version").asInt());
        } else {
            return new ClearSubjectValue(textOr(node, "subject", ((ClearSubjectKey) key).subject()));
        }
    }

    /**
     * The fields of a config beyond its level and normalize flag ({@link ConfigValue#hasExtras}) as a JSON object
     * with the log's field names, for read models that keep them as one document; null when there are none.
     */
    public static String encodeConfigExtras(ConfigValue value) {
        if (value == null || !value.hasExtras()) {
            return null;
        }
        ObjectNode node = NODES.objectNode();
        putConfig(node, new ConfigValue(null, null, value.validateFields(), value.alias(),
                value.compatibilityGroup(), value.defaultMetadata(), value.overrideMetadata(),
                value.defaultRuleSet(), value.overrideRuleSet()));
        return new String(write(node), StandardCharsets.UTF_8);
    }

    /** The inverse of {@link #encodeConfigExtras}: a config with only the extra fields set. */
    public static ConfigValue decodeConfigExtras(String json) {
        return config(read(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Confluent's field names, in the order its {@code ConfigValue} writes them; absent fields are left out. */
    private static void putConfig(ObjectNode node, ConfigValue v) {
        if (v.alias() != null) {
            node.put("alias", v.alias());
        }
        if (v.normalize() != null) {
            node.put("normalize", v.normalize());
        }
        if (v.validateFields() != null) {
            node.put("validateFields", v.validateFields());
        }
        if (v.compatibilityLevel() != null) {
            node.put("compatibilityLevel", v.compatibilityLevel());
        }
        if (v.compatibilityGroup() != null) {
            node.put("compatibilityGroup", v.compatibilityGroup());
        }
        putIfPresent(node, "defaultMetadata", v.defaultMetadata());
        putIfPresent(node, "overrideMetadata", v.overrideMetadata());
        putIfPresent(node, "defaultRuleSet", v.defaultRuleSet());
        putIfPresent(node, "overrideRuleSet", v.overrideRuleSet());
    }

    private static void putIfPresent(ObjectNode node, String field, JsonNode value) {
        if (value != null && !value.isNull()) {
            node.set(field, value);
        }
    }

    private static ConfigValue config(JsonNode node) {
        return new ConfigValue(text(node, "compatibilityLevel"), bool(node, "normalize"),
                bool(node, "validateFields"), text(node, "alias"), text(node, "compatibilityGroup"),
                nullIfMissing(node.get("defaultMetadata")), nullIfMissing(node.get("overrideMetadata")),
                nullIfMissing(node.get("defaultRuleSet")), nullIfMissing(node.get("overrideRuleSet")));
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    public static LogEvent decode(byte[] key, byte[] value) {
        LogKey k = decodeKey(key);
        return new LogEvent(k, decodeValue(k, value));
    }

    private static List<SchemaReference> references(JsonNode node) {
        List<SchemaReference> refs = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode r : node) {
                refs.add(new SchemaReference(text(r, "name"), text(r, "subject"), r.path("version").asInt()));
            }
        }
        return refs;
    }

    private static JsonNode nullIfMissing(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String v = text(node, field);
        return v == null ? fallback : v;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new MalformedLogRecordException("log record without " + field);
        }
        return value;
    }

    private static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static JsonNode read(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new MalformedLogRecordException("log record is not a JSON object: "
                        + new String(bytes, StandardCharsets.UTF_8));
            }
            return node;
        } catch (IOException e) {
            throw new MalformedLogRecordException("log record is not JSON", e);
        }
    }
}
