package io.registry.api.read;

import io.registry.readmodel.SubjectVersion;
import io.registry.readmodel.VersionExtras;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast path answers only what the blocking path would answer the same way, and leaves everything else (null)
 * to it: what it answers, what it leaves, and that a repeated read is served from its answers while the
 * projection watermark stands still.
 */
class SubjectVersionFastPathTest {
    /** Renders what the fast path found, so a test sees which version and schema it chose. */
    private static final SubjectVersionFastPath.Renderer RENDER = (v, schema, extras) ->
            (v.subject() + " v" + v.version() + " id" + v.schemaId() + " " + schema.schema()
                    + extras.map(x -> " " + x.metadata()).orElse("")).getBytes(StandardCharsets.UTF_8);

    private final InMemoryReadModel store = new InMemoryReadModel()
            .schema(1, "\"int\"").schema(2, "\"long\"").schema(3, "\"string\"")
            .version("s", 1, 1, false).version("s", 2, 2, false).version("s", 3, 3, true);
    private final SchemaByIdCache schemas = new SchemaByIdCache(store, 1 << 20);
    private final ProjectionWatermark watermark =
            new ProjectionWatermark(() -> Map.of("redis", OptionalLong.of(7)), List.of());
    private final ReadCounters counters = new ReadCounters();
    private final SubjectVersionFastPath fastPath = new SubjectVersionFastPath(store, schemas, watermark, counters);

    /** Once the watermark has read the stores it stands still (they never move): answers stay valid. */
    @BeforeEach
    void watermarkRead() {
        watermark.await(7, Duration.ofMinutes(5)).join();
    }

    @AfterEach
    void close() {
        watermark.close();
    }

    /** What the blocking path leaves behind for a version: its schema in the cache, its extras remembered. */
    private void readOnceBlocking(String subject, int version, Optional<VersionExtras> extras) {
        SubjectVersion v = store.version(subject, version).orElseThrow();
        schemas.get(".", v.schemaId());
        fastPath.remember(v, extras);
    }

    private String answer(String subject, String version) {
        byte[] body = fastPath.answer(subject, version, RENDER).join();
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void latestIsTheNewestLiveVersionOnceTheBlockingPathHasSeenIt() {
        assertNull(answer("s", "latest"), "schema and extras not known yet: the blocking path decides");
        readOnceBlocking("s", 2, Optional.empty());
        assertEquals("s v2 id2 \"long\"", answer("s", "latest"));
        assertEquals("s v2 id2 \"long\"", answer("s", "-1"));
        assertEquals("s v2 id2 \"long\"", answer("s", "2"));
    }

    @Test
    void aVersionsExtrasAreServedAsTheBlockingPathReadThem() {
        VersionExtras extras = new VersionExtras(JsonNodeFactory.instance.objectNode().put("owner", "a"), null);
        readOnceBlocking("s", 1, Optional.of(extras));
        assertEquals("s v1 id1 \"int\" {\"owner\":\"a\"}", answer("s", "1"));
    }

    @Test
    void leavesToTheBlockingPathWhatItCannotAnswerExactly() {
        readOnceBlocking("s", 2, Optional.empty());
        assertNull(answer("s", "3"), "soft-deleted: the blocking path answers 40402");
        assertNull(answer("s", "9"), "no such version");
        assertNull(answer("s", "zero"), "invalid version: the blocking path answers Confluent's error");
        assertNull(answer("unknown", "latest"), "unknown subject: 40401 is the blocking path's");
        store.alias("s", "other");
        assertNull(answer("s", "latest"), "an aliased subject is followed by the blocking path only");
    }

    @Test
    void aFailingStoreIsNoAnswerNotAnError() {
        readOnceBlocking("s", 2, Optional.empty());
        store.failAsync(true);
        assertNull(answer("s", "latest"));
    }

    @Test
    void aRepeatedReadIsServedFromItsAnswersWhileTheWatermarkStandsStill() {
        readOnceBlocking("s", 2, Optional.empty());
        assertEquals("s v2 id2 \"long\"", answer("s", "latest"));
        int reads = store.asyncReads();
        assertEquals("s v2 id2 \"long\"", answer("s", "latest"));
        assertEquals(reads, store.asyncReads(), "no second store read");
        assertEquals(1, counters.answerHits());
    }

    @Test
    void withoutRedisEveryReadTakesTheBlockingPath() {
        SubjectVersionFastPath none = new SubjectVersionFastPath(null, schemas, watermark, counters);
        assertFalse(none.enabled());
        assertTrue(fastPath.enabled());
        assertNull(none.answer("s", "latest", RENDER).join());
    }
}
