package io.registry.launcher;

import io.registry.core.audit.AuditRecord;
import io.registry.core.log.LogHeaders;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit chain end to end: every log record carries principal, request id, time and {@code registry-hash}; the
 * audit topic holds the whole chain (also what compaction drops); the chain resumes after a restart and after the
 * sequencer's index is lost; {@code registry audit verify} passes on the real topic and names the first break in
 * tampered copies of it (a modified, a removed and a reordered record).
 */
class AuditChainTest extends FullStackTest {

    @Test
    void theChainCoversEveryRecordSurvivesRestartsAndCatchesTampering() throws Exception {
        String s = subject("audit");
        assertEquals(200, http.register(s, Schemas.avroRecord("A", Schemas.field("f", "string"))).status());
        assertEquals(200, http.put("/config/" + s, Map.of("compatibility", "NONE")).status());
        assertEquals(200, http.put("/config/" + s, Map.of("compatibility", "FULL")).status()); // supersedes: compacted away
        assertEquals(0, verify(stack.auditTopic()), "the real topic verifies");

        stack.restart();
        http = stack.http;
        assertEquals(200, http.register(s, Schemas.avroRecord("A", Schemas.field("f", "string"),
                Schemas.fieldWithDefault("g", "string", "\"\""))).status());
        assertEquals(0, verify(stack.auditTopic()), "resumed from the index after a restart");

        stack.restartOnNewLog(); // a fresh index (new application id, empty log): the head comes from the audit topic
        http = stack.http;
        assertEquals(200, http.register(subject("audit"), Schemas.avroRecord("B", Schemas.field("f", "string"))).status());
        assertEquals(0, verify(stack.auditTopic()), "resumed from the audit topic when the index lost the head");

        List<ConsumerRecord<byte[], byte[]>> chain = read(stack.auditTopic());
        assertTrue(chain.size() >= 5, "one audit record per log record: " + chain.size());
        AuditRecord last = AuditRecord.decode(chain.get(chain.size() - 1).value());
        ConsumerRecord<byte[], byte[]> lastLog = read(stack.logTopic).get(0);
        // the new log's only record is the last link: its headers carry the chain's hash and who/when/which request
        assertEquals(last.hash(), HexFormat.of().formatHex(header(lastLog, LogHeaders.HASH)));
        assertEquals("anonymous", new String(header(lastLog, LogHeaders.PRINCIPAL)));
        assertNotNull(header(lastLog, LogHeaders.REQUEST_ID));
        assertNotNull(header(lastLog, LogHeaders.TIMESTAMP));

        List<byte[]> values = new ArrayList<>();
        chain.forEach(r -> values.add(r.value()));

        List<byte[]> modified = new ArrayList<>(values);
        AuditRecord r = AuditRecord.decode(values.get(1));
        modified.set(1, new AuditRecord(r.seq(), r.requestId(), "mallory", r.timestamp(), r.key(), r.value(),
                r.previousHash(), r.hash()).encode());
        assertBreak(modified, "MODIFIED", 1);

        List<byte[]> removed = new ArrayList<>(values);
        removed.remove(2);
        assertBreak(removed, "REMOVED", 2);

        List<byte[]> reordered = new ArrayList<>(values);
        Collections.swap(reordered, 1, 2);
        assertBreak(reordered, "REORDERED", 1);
    }

    private static void assertBreak(List<byte[]> records, String kind, int offset) {
        String copy = stack.auditTopic() + "-tampered-" + UUID.randomUUID().toString().substring(0, 6);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(copy, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                stack.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] value : records) {
                producer.send(new ProducerRecord<>(copy, 0, null, value)).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AuditCommand.verify(stack.bootstrapServers(), copy, new PrintStream(out), System.err);
        String report = out.toString();
        assertEquals(1, code, report);
        assertTrue(report.contains("BROKEN at offset " + offset + " ") && report.contains("(" + kind + ")"), report);
    }

    private static int verify(String topic) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AuditCommand.verify(stack.bootstrapServers(), topic, new PrintStream(out), System.err);
        assertTrue(out.toString().startsWith(code == 0 ? "audit verify: OK" : "audit verify: BROKEN"), out.toString());
        return code;
    }

    private static byte[] header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : h.value();
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(String topic) {
        TopicPartition p = new TopicPartition(topic, 0);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers",
                stack.bootstrapServers(), "isolation.level", "read_committed"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            c.assign(List.of(p));
            c.seekToBeginning(List.of(p));
            long end = c.endOffsets(List.of(p), Duration.ofSeconds(10)).get(p);
            while (c.position(p, Duration.ofSeconds(10)) < end) {
                c.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
