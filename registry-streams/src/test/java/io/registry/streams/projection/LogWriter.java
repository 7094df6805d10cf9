package io.registry.streams.projection;

import io.registry.core.log.LogHeaders;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogRecordCodec;
import io.registry.core.log.LogValue;
import io.registry.core.schema.SchemaType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Writes log records the way the sequencer does (Confluent key/value, {@code registry-seq} header) to a test topic. */
final class LogWriter implements AutoCloseable {
    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();
    private long seq;

    LogWriter(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5));
    }

    static String avro(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";
    }

    /** The sequence of the last record with a header. */
    long seq() {
        return seq;
    }

    LogWriter schema(String subject, int version, int id, String schema, boolean deleted) {
        return write(new LogKey.SchemaKey(subject, version), new LogValue.SchemaValue(subject, version, id,
                SchemaType.AVRO, schema, List.of(), null, null, deleted));
    }

    LogWriter schema(String subject, int version, int id, String schema) {
        return schema(subject, version, id, schema, false);
    }

    LogWriter tombstone(String subject, int version) {
        return write(new LogKey.SchemaKey(subject, version), null);
    }

    LogWriter deleteSubject(String subject, int upToVersion) {
        return write(new LogKey.DeleteSubjectKey(subject), new LogValue.DeleteSubjectValue(subject, upToVersion));
    }

    LogWriter clearSubject(String subject) {
        return write(new LogKey.ClearSubjectKey(subject), new LogValue.ClearSubjectValue(subject));
    }

    LogWriter config(String subject, String level) {
        return write(new LogKey.ConfigKey(subject), level == null ? null : new LogValue.ConfigValue(level));
    }

    LogWriter write(LogKey key, LogValue value) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, 0, LogRecordCodec.encodeKey(key),
                LogRecordCodec.encodeValue(value));
        record.headers().add(LogHeaders.SEQ, LogHeaders.encodeLong(++seq));
        pending.add(producer.send(record));
        return this;
    }

    /** A record as Confluent writes it: no registry headers, so it carries the previous record's sequence. */
    LogWriter withoutSeqHeader(LogKey key, LogValue value) {
        pending.add(producer.send(new ProducerRecord<>(topic, 0, LogRecordCodec.encodeKey(key),
                LogRecordCodec.encodeValue(value))));
        return this;
    }

    /** A record no registry wrote: its key is not JSON. */
    LogWriter garbage() {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, 0,
                "not a key".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        record.headers().add(LogHeaders.SEQ, LogHeaders.encodeLong(++seq));
        pending.add(producer.send(record));
        return this;
    }

    /** Waits until everything written is acknowledged; returns the offset after the last record. */
    long flush() {
        producer.flush();
        long end = 0;
        try {
            for (Future<RecordMetadata> future : pending) {
                end = Math.max(end, future.get(30, TimeUnit.SECONDS).offset() + 1);
            }
        } catch (Exception e) {
            throw new IllegalStateException("log write failed", e);
        } finally {
            pending.clear();
        }
        return end;
    }

    @Override
    public void close() {
        producer.close();
    }
}
