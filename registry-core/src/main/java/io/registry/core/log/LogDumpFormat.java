package io.registry.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The text forms of {@code _schemas} records that {@code registry export} writes and {@code registry import} reads.
 *
 * <ul>
 *   <li>Ours, one JSON object per line: {@code {"key":{…},"value":{…}|null,"headers":{"registry-seq":12,…}}}, the key
 *       and value being the record's own JSON as the log holds it (Confluent's formats) and the headers our
 *       metadata (sequence and timestamp as numbers, the others as text).</li>
 *   <li>Confluent's and Karapace's topic dumped by {@code kafka-console-consumer --property print.key=true}: the
 *       key, a TAB, the value; {@code null} for a tombstone. Key field order does not matter here (older
 *       Confluent versions wrote {@code magic} first).</li>
 * </ul>
 * A line with a TAB is the second form (our JSON never contains a raw TAB); blank lines are skipped.
 */
public final class LogDumpFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One decoded line: the record and the headers it carried (empty for a console dump). */
    public record DumpedRecord(LogEvent event, Map<String, Object> headers) {
    }

    private LogDumpFormat() {
    }

    /** One line of our format (without the line break) for a record read from the log. */
    public static String encode(byte[] key, byte[] value, Map<String, byte[]> headers) {
        ObjectNode line = MAPPER.createObjectNode();
        line.set("key", json(key));
        line.set("value", value == null ? MAPPER.nullNode() : json(value));
        ObjectNode h = line.putObject("headers");
        headers.forEach((name, bytes) -> {
            if ((LogHeaders.SEQ.equals(name) || LogHeaders.TIMESTAMP.equals(name)) && bytes != null
                    && bytes.length == Long.BYTES) {
                h.put(name, LogHeaders.decodeLong(bytes));
            } else {
                h.put(name, bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
            }
        });
        try {
            return MAPPER.writeValueAsString(line);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /**
     * @return the record of a line of either form, or empty for a blank line
     * @throws MalformedLogRecordException when the line is neither form or holds no record this registry reads
     */
    public static Optional<DumpedRecord> decode(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        int tab = line.indexOf('\t');
        if (tab >= 0) {
            String key = line.substring(0, tab).strip();
            String value = line.substring(tab + 1).strip();
            return Optional.of(new DumpedRecord(LogRecordCodec.decode(utf8(key),
                    value.equals("null") || value.isEmpty() ? null : utf8(value)), Map.of()));
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (IOException e) {
            throw new MalformedLogRecordException("neither a JSON line nor key<TAB>value: " + abbreviate(line), e);
        }
        if (node == null || !node.isObject() || !node.path("key").isObject()) {
            throw new MalformedLogRecordException("a JSON line without a \"key\" object: " + abbreviate(line));
        }
        JsonNode value = node.get("value");
        byte[] valueBytes = value == null || value.isNull() ? null : bytes(value);
        Map<String, Object> headers = new LinkedHashMap<>();
        node.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(),
                e.getValue().isNumber() ? (Object) e.getValue().asLong() : e.getValue().asText()));
        return Optional.of(new DumpedRecord(LogRecordCodec.decode(bytes(node.get("key")), valueBytes), headers));
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new MalformedLogRecordException("log record is not JSON", e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
