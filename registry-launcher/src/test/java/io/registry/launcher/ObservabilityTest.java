package io.registry.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.registry.api.ops.WriteMetrics;
import io.registry.launcher.RegistryHttp.Answer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operational metrics at {@code /metrics} and the request id in logs, end to end against a full stack: caches
 * and read tiers, sequencer outcomes by error code, inventory, projection lag, load shedding, Kafka client and JVM
 * metrics. The inventory is recounted at every scrape here (max age 0) so that it can be compared exactly.
 */
@FullStackTest.StackProperties("registry.metrics.inventory-max-age=0s")
class ObservabilityTest extends FullStackTest {

    private static PrometheusText scrape() {
        Answer metrics = http.get("/metrics", Map.of());
        assertEquals(200, metrics.status(), metrics.raw());
        return new PrometheusText(metrics.raw());
    }

    @Test
    void metricsOfEveryTier() {
        PrometheusText before = scrape();
        String subject = subject("obs");
        Answer registered = http.register(subject, avroRecord("Obs", field("a", "string")));
        assertEquals(200, registered.status(), registered.raw());
        int id = registered.body().path("id").asInt();
        Answer incompatible = http.register(subject, avroRecord("Obs", field("a", "int")));
        assertEquals(409, incompatible.status(), incompatible.raw());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.get("/schemas/ids/" + id).status());
            assertEquals(200, http.get("/subjects/" + subject + "/versions/latest").status());
        }
        assertEquals(404, http.get("/schemas/ids/987654").status());

        PrometheusText m = scrape();
        assertEquals(1, m.value("registry_sequencer_outcomes_total", "outcome", "registered", "error_code", "none"));
        assertEquals(1, m.value("registry_sequencer_outcomes_total", "outcome", "rejected", "error_code", "409"));

        assertTrue(m.value("registry_cache_gets_total", "cache", "schema_by_id", "result", "hit") >= 3, m.toString());
        assertTrue(m.value("registry_cache_gets_total", "cache", "schema_by_id", "result", "miss") >= 1);
        assertTrue(m.value("registry_cache_gets_total", "cache", "version_answer", "result", "hit") >= 1);
        assertTrue(m.value("registry_cache_gets_total", "cache", "version_answer", "result", "miss") >= 1);
        assertTrue(m.value("registry_cache_entries", "cache", "schema_by_id") >= 1);
        // the unknown id: Redis has no answer, so Postgres decides
        assertTrue(m.value("registry_read_model_reads_total", "tier", "postgres")
                > before.value("registry_read_model_reads_total", "tier", "postgres"));
        assertTrue(m.value("registry_read_model_reads_total", "tier", "redis") >= 1);

        assertEquals(1, m.value("registry_inventory_subjects", "state", "live"));
        assertEquals(0, m.value("registry_inventory_subjects", "state", "deleted"));
        assertEquals(1, m.value("registry_inventory_versions", "state", "live"));
        assertEquals(1, m.value("registry_inventory_schemas", "type", "AVRO"));
        assertEquals(0, m.value("registry_inventory_schemas", "type", "PROTOBUF"));

        // the write waited for both projections, so neither has anything readable left to apply
        assertEquals(0, m.value("registry_projection_lag_seconds", "projection", "postgres"));
        assertEquals(0, m.value("registry_projection_lag_seconds", "projection", "redis"));
        assertTrue(m.value("registry_projection_lag_offsets", "projection", "postgres") <= 1);
        assertEquals(1, m.value("registry_ready"));

        assertEquals(0, m.value("registry_http_shed_total"));
        assertEquals(128, m.value("registry_http_max_in_flight"));
        assertTrue(m.value("registry_write_stage_seconds_count", "stage", "sequencer") >= 1);
        assertFalse(m.find("http_server_requests_seconds_count", "uri", "/schemas/ids/{id}", "status", "200").isEmpty());
        // latency buckets, for p99 per route and per write stage
        assertFalse(m.find("http_server_requests_seconds_bucket", "uri", "/schemas/ids/{id}", "le", "0.005").isEmpty());
        assertFalse(m.find("registry_write_stage_seconds_bucket", "stage", "projection", "le", "0.05").isEmpty());

        assertTrue(m.hasPrefix("kafka_producer_"), "producer metrics of the command gateway");
        assertTrue(m.hasPrefix("kafka_consumer_"), "consumer metrics of the reply reader");
        assertTrue(m.value("jvm_threads_live_threads") > 0);
        assertFalse(m.find("jvm_memory_used_bytes", "area", "heap").isEmpty());
        assertFalse(m.find("jvm_memory_max_bytes", "area", "heap").isEmpty());
        assertTrue(m.hasPrefix("jvm_gc_"));
        assertTrue(m.value("process_uptime_seconds") > 0);
        for (String binder : List.of("system_", "executor_", "logback_events_total", "hikaricp_")) {
            assertTrue(m.hasPrefix(binder), binder);
        }
    }

    @Test
    void requestIdFollowsTheRequestIntoTheLogs() {
        Logger logger = (Logger) LoggerFactory.getLogger(WriteMetrics.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(events);
        try {
            Answer answer = http.post("/subjects/" + subject("obs-log") + "/versions",
                    Map.of("schema", avroRecord("Logged", field("a", "string"))), Map.of("X-Request-Id", "obs-log-7"));
            assertEquals(200, answer.status(), answer.raw());
            assertEquals("obs-log-7", answer.header("X-Request-Id"));
            // logged on the blocking executor while the request waited for the sequencer
            List<ILoggingEvent> logged = List.copyOf(events.list);
            assertTrue(logged.stream().anyMatch(e -> "obs-log-7".equals(e.getMDCPropertyMap().get("request_id"))),
                    logged.stream().map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap()).toList().toString());
        } finally {
            logger.detachAppender(events);
            logger.setLevel(level);
        }
        String made = http.get("/schemas/types").header("X-Request-Id");
        assertNotNull(made);
        assertFalse(made.isBlank());
        String replaced = http.get("/schemas/types", Map.of("X-Request-Id", "two words")).header("X-Request-Id");
        assertFalse(replaced.contains(" "), replaced);
    }
}
