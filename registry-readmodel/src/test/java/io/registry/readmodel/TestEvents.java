package io.registry.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.core.log.LogEvent;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogValue;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;

import java.util.ArrayList;
import java.util.List;

/** Builds batches of positioned log events: offsets and sequences count up from where the builder starts. */
public final class TestEvents {
    private final List<PositionedEvent> events = new ArrayList<>();
    private long offset;
    private long seq;

    public TestEvents(long firstOffset, long firstSeq) {
        this.offset = firstOffset;
        this.seq = firstSeq;
    }

    public static String avro(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";
    }

    public TestEvents schema(String subject, int version, int id, String schema, boolean deleted) {
        return add(new LogKey.SchemaKey(subject, version), new LogValue.SchemaValue(subject, version, id,
                SchemaType.AVRO, schema, List.of(), null, null, deleted));
    }

    public TestEvents schema(String subject, int version, int id, String schema) {
        return schema(subject, version, id, schema, false);
    }

    public TestEvents schemaWithExtras(String subject, int version, int id, SchemaType type, String schema,
                                      List<SchemaReference> references, String metadataJson) {
        return add(new LogKey.SchemaKey(subject, version), new LogValue.SchemaValue(subject, version, id, type,
                schema, references, json(metadataJson), null, false));
    }

    public TestEvents tombstone(String subject, int version) {
        return add(new LogKey.SchemaKey(subject, version), null);
    }

    public TestEvents deleteSubject(String subject, int upToVersion) {
        return add(new LogKey.DeleteSubjectKey(subject), new LogValue.DeleteSubjectValue(subject, upToVersion));
    }

    public TestEvents clearSubject(String subject) {
        return add(new LogKey.ClearSubjectKey(subject), new LogValue.ClearSubjectValue(subject));
    }

    public TestEvents config(String subject, String level) {
        return add(new LogKey.ConfigKey(subject), level == null ? null : new LogValue.ConfigValue(level));
    }

    public TestEvents mode(String subject, String mode) {
        return add(new LogKey.ModeKey(subject), mode == null ? null : new LogValue.ModeValue(mode));
    }

    public TestEvents noop() {
        return add(new LogKey.NoopKey(), new LogValue.NoopValue());
    }

    public TestEvents add(LogKey key, LogValue value) {
        events.add(new PositionedEvent(offset++, ++seq, new LogEvent(key, value)));
        return this;
    }

    /** The events added since the last call, as one batch; the builder keeps counting from there. */
    public List<PositionedEvent> batch() {
        List<PositionedEvent> batch = List.copyOf(events);
        events.clear();
        return batch;
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? null : new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
