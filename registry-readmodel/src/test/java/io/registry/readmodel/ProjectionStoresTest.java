package io.registry.readmodel;

import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogValue;
import io.registry.core.schema.Fingerprints;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import io.registry.readmodel.postgres.PostgresProgressNotices;
import io.registry.readmodel.postgres.PostgresProjectionStore;
import io.registry.readmodel.postgres.PostgresReadModel;
import io.registry.readmodel.redis.RedisProgressNotices;
import io.registry.readmodel.redis.RedisProjectionStore;
import io.registry.readmodel.redis.RedisReadModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.registry.readmodel.TestEvents.avro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both projection stores, each read back through its own read model: same events, same answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionStoresTest {
    private static final String A = avro("A");
    private static final String B = avro("B");
    private static final String C = avro("C");

    record Projection(String name, ProjectionStore store, ReadModel reads, ProgressNotices notices) {
        @Override
        public String toString() {
            return name;
        }
    }

    @RegisterExtension
    static final ReadModelEnvironmentExtension ENV = ReadModelEnvironmentExtension.wipedBeforeEach();

    Stream<Projection> projections() {
        return Stream.of(
                new Projection("postgres", ENV.bean(PostgresProjectionStore.class), ENV.bean(PostgresReadModel.class),
                        ENV.bean(PostgresProgressNotices.class)),
                new Projection("redis", ENV.bean(RedisProjectionStore.class), ENV.bean(RedisReadModel.class),
                        ENV.bean(RedisProgressNotices.class)));
    }

    @ParameterizedTest
    @MethodSource("projections")
    void appliesABatchAndServesIt(Projection p) {
        SchemaReference ref = new SchemaReference("A", "orders-value", 1);
        p.store().apply(new TestEvents(0, 0)
                .schema("orders-value", 1, 1, A)
                .schema("orders-value", 2, 2, B)
                .schema("payments-value", 1, 1, A)
                .schemaWithExtras("refs", 1, 3, SchemaType.JSON, "{\"type\":\"object\"}", List.of(ref),
                        "{\"properties\":{\"owner\":\"team-a\"}}")
                .config(null, "FULL")
                .config("orders-value", "NONE")
                .mode(null, "READWRITE")
                .noop()
                .batch());

        ReadModel r = p.reads();
        assertEquals(new Checkpoint(8, 8), p.store().checkpoint());
        assertEquals(8, r.appliedSeq());
        assertEquals(Optional.of(new StoredSchema(1, SchemaType.AVRO, A, List.of(), fingerprint(SchemaType.AVRO, A))),
                r.schemaById(1));
        assertEquals(Optional.of(new StoredSchema(3, SchemaType.JSON, "{\"type\":\"object\"}", List.of(ref),
                Fingerprints.of(SchemaType.JSON, "{\"type\":\"object\"}", List.of(ref)))), r.schemaById(3));
        assertEquals(Optional.empty(), r.schemaById(99));
        assertEquals(Optional.of(1), r.idByFingerprint(fingerprint(SchemaType.AVRO, A)));
        assertEquals(Optional.of(2), r.idByFingerprint(fingerprint(SchemaType.AVRO, B)));
        assertEquals(Optional.empty(), r.idByFingerprint(fingerprint(SchemaType.AVRO, C)));
        assertEquals(List.of("orders-value", "payments-value", "refs"), r.subjects(false));
        assertEquals(List.of("orders-value", "payments-value", "refs"), r.subjects(true));
        assertEquals(List.of(live("orders-value", 1, 1), live("orders-value", 2, 2)), r.versions("orders-value"));
        assertEquals(List.of(), r.versions("unknown"));
        assertEquals(Optional.of(live("orders-value", 2, 2)), r.version("orders-value", 2));
        assertEquals(Optional.empty(), r.version("orders-value", 3));
        assertEquals(List.of(live("orders-value", 1, 1), live("payments-value", 1, 1)), r.usagesOf(1));
        assertEquals(Optional.of(CompatibilityLevel.FULL), r.compatibility(null));
        assertEquals(Optional.of(CompatibilityLevel.NONE), r.compatibility("orders-value"));
        assertEquals(Optional.empty(), r.compatibility("payments-value"));
    }

    /**
     * A registration's repeat ({@link ReadModel#repeatOf}): the newest live version of the subject holding exactly
     * that content (type, text, references), through soft and hard deletes, rewrites and one content under two ids.
     */
    @ParameterizedTest
    @MethodSource("projections")
    void findsTheNewestLiveVersionHoldingAContent(Projection p) {
        TestEvents log = new TestEvents(0, 0);
        ReadModel r = p.reads();
        String a = fingerprint(SchemaType.AVRO, A);
        String b = fingerprint(SchemaType.AVRO, B);
        String c = fingerprint(SchemaType.AVRO, C);
        SchemaReference ref = new SchemaReference("A", "s", 1);
        p.store().apply(log.schema("s", 1, 1, A).schema("s", 2, 2, B).schema("s", 3, 1, A).schema("t", 1, 1, A)
                .schemaWithExtras("refs", 1, 3, SchemaType.JSON, "{\"type\":\"object\"}", List.of(ref), null)
                .schema(":.ctx:s", 1, 1, B)
                .batch());
        assertEquals(Optional.of(1), r.repeatOf("s", a));
        assertEquals(Optional.of(2), r.repeatOf("s", b));
        assertEquals(Optional.empty(), r.repeatOf("s", c), "a content the subject never had");
        assertEquals(Optional.empty(), r.repeatOf("unknown", a));
        assertEquals(Optional.empty(), r.repeatOf("t", b), "another subject's content");
        assertEquals(Optional.of(1), r.repeatOf(":.ctx:s", b));
        assertEquals(Optional.of(3), r.repeatOf("refs",
                Fingerprints.of(SchemaType.JSON, "{\"type\":\"object\"}", List.of(ref))));
        assertEquals(Optional.empty(), r.repeatOf("refs", fingerprint(SchemaType.JSON, "{\"type\":\"object\"}")),
                "the references are part of the content");
        assertEquals(Optional.empty(), r.repeatOf("s", fingerprint(SchemaType.JSON, A)), "so is the type");

        // soft-deleting the newest holder leaves the older one; deleting both leaves none
        p.store().apply(log.schema("s", 3, 1, A, true).batch());
        assertEquals(Optional.of(1), r.repeatOf("s", a));
        p.store().apply(log.schema("s", 1, 1, A, true).batch());
        assertEquals(Optional.empty(), r.repeatOf("s", a), "soft-deleted versions never answer a repeat");
        assertEquals(Optional.of(2), r.repeatOf("s", b));
        assertEquals(Optional.of(1), r.repeatOf("t", a), "another subject keeps its own");
        p.store().apply(log.tombstone("s", 2).batch());
        assertEquals(Optional.empty(), r.repeatOf("s", b));

        // registered again (a new version, Confluent's way after a soft delete), then rewritten in IMPORT mode
        p.store().apply(log.schema("s", 4, 1, A).batch());
        assertEquals(Optional.of(1), r.repeatOf("s", a));
        p.store().apply(log.schema("s", 4, 5, C).batch());
        assertEquals(Optional.empty(), r.repeatOf("s", a));
        assertEquals(Optional.of(5), r.repeatOf("s", c));

        // one content under two ids (IMPORT): the newest live version's id, whatever order they came in
        p.store().apply(log.schema("d", 5, 7, A).schema("d", 2, 8, A).batch());
        assertEquals(Optional.of(7), r.repeatOf("d", a));
        p.store().apply(log.schema("d", 5, 7, A, true).batch());
        assertEquals(Optional.of(8), r.repeatOf("d", a));

        // a subject delete takes every repeat of the subject; a version registered after it answers again
        p.store().apply(log.schema("s", 5, 2, B).deleteSubject("s", 5).batch());
        assertEquals(Optional.empty(), r.repeatOf("s", b));
        assertEquals(Optional.empty(), r.repeatOf("s", c));
        p.store().apply(log.schema("s", 6, 2, B).clearSubject("s").batch());
        assertEquals(Optional.of(2), r.repeatOf("s", b));
        assertEquals(Optional.of(1), r.repeatOf("t", a));
    }

    /** A Redis projection built in an older key layout (3: before the repeats) reads as unbound, so it is rebuilt. */
    @Test
    void aRedisProjectionOfAnOlderKeyLayoutIsReportedUnbound() {
        RedisProjectionStore redis = ENV.bean(RedisProjectionStore.class);
        redis.rebind("log-1");
        assertEquals(Optional.of("log-1"), redis.boundLog());
        ENV.get().redis().set(ENV.get().keyPrefix() + "layout", "3");
        assertEquals(Optional.empty(), redis.boundLog());
        redis.rebind("log-1");
        assertEquals(Optional.of("log-1"), redis.boundLog());
    }

    private static Optional<String> metadata(ReadModel r, String subject, int version) {
        return r.versionExtras(subject, version).map(VersionExtras::metadata).map(Object::toString);
    }

    @ParameterizedTest
    @MethodSource("projections")
    void keepsMetadataPerSubjectVersion(Projection p) {
        TestEvents log = new TestEvents(0, 0);
        ReadModel r = p.reads();
        p.store().apply(log.schemaWithExtras("m", 1, 1, SchemaType.AVRO, A, List.of(),
                        "{\"properties\":{\"llm.semver\":\"1.0.0\"}}")
                .schema("m", 2, 2, B)
                .schemaWithExtras("m", 3, 3, SchemaType.AVRO, C, List.of(),
                        "{\"properties\":{\"llm.semver\":\"1.1.0\"}}")
                .batch());
        assertEquals(Optional.of("{\"properties\":{\"llm.semver\":\"1.0.0\"}}"), metadata(r, "m", 1));
        assertEquals(Optional.empty(), metadata(r, "m", 2));
        assertEquals(Optional.of("{\"properties\":{\"llm.semver\":\"1.1.0\"}}"), metadata(r, "m", 3));
        assertEquals(Optional.empty(), metadata(r, "m", 4));

        // a hard-deleted version loses its metadata; a reused version number carries only its own
        p.store().apply(log.tombstone("m", 3).batch());
        assertEquals(Optional.empty(), metadata(r, "m", 3));
        p.store().apply(log.schemaWithExtras("m", 1, 4, SchemaType.AVRO, avro("D"), List.of(),
                "{\"properties\":{\"llm.semver\":\"2.0.0\"}}").schema("m", 3, 3, C).batch());
        assertEquals(Optional.of("{\"properties\":{\"llm.semver\":\"2.0.0\"}}"), metadata(r, "m", 1));
        assertEquals(Optional.empty(), metadata(r, "m", 3));

        // a subject deleted and then cleared (Confluent's permanent delete) loses its metadata too
        p.store().apply(log.schemaWithExtras("k", 1, 5, SchemaType.AVRO, avro("E"), List.of(),
                "{\"properties\":{\"owner\":\"a\"}}").batch());
        p.store().apply(log.deleteSubject("k", 1).clearSubject("k").batch());
        p.store().apply(log.schema("k", 1, 6, avro("F")).batch());
        assertEquals(Optional.empty(), metadata(r, "k", 1));
    }

    @ParameterizedTest
    @MethodSource("projections")
    void servesModesAndTheConfigNormalizeFlag(Projection p) {
        TestEvents log = new TestEvents(0, 0);
        p.store().apply(log.mode(null, "READONLY").mode("s", "IMPORT")
                .add(new LogKey.ConfigKey(null), new LogValue.ConfigValue("FULL", true))
                .add(new LogKey.ConfigKey("s"), new LogValue.ConfigValue(null, false))
                .batch());
        ReadModel r = p.reads();
        assertEquals(Optional.of("READONLY"), r.mode(null));
        assertEquals(Optional.of("IMPORT"), r.mode("s"));
        assertEquals(Optional.empty(), r.mode("t"));
        assertEquals(Optional.of(true), r.normalize(null));
        assertEquals(Optional.of(false), r.normalize("s"));
        assertEquals(Optional.empty(), r.compatibility("s"), "a config record without a level sets none");
        assertEquals(Optional.of(CompatibilityLevel.FULL), r.compatibility(null));

        p.store().apply(log.mode("s", null).config("s", null).config(null, "NONE").batch());
        assertEquals(Optional.empty(), r.mode("s"));
        assertEquals(Optional.empty(), r.normalize("s"));
        assertEquals(Optional.empty(), r.normalize(null), "a config record without the flag clears it");
    }

    @ParameterizedTest
    @MethodSource("projections")
    void keepsTheWholeConfigRecord(Projection p) throws Exception {
        TestEvents log = new TestEvents(0, 0);
        com.fasterxml.jackson.databind.JsonNode defaults = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"properties\":{\"owner\":\"team\"}}");
        LogValue.ConfigValue full = new LogValue.ConfigValue("FULL", true, true, "target", "app.major",
                defaults, null, null, null);
        p.store().apply(log.add(new LogKey.ConfigKey("s"), full)
                .add(new LogKey.ConfigKey(null), new LogValue.ConfigValue(null, null, false, null, null, null,
                        null, null, null))
                .batch());
        ReadModel r = p.reads();
        assertEquals(Optional.of(full), r.config("s"));
        assertEquals(Optional.of(false), r.config(null).map(LogValue.ConfigValue::validateFields));
        assertEquals(Optional.empty(), r.config("t"));

        // a record without the extra fields removes them; a tombstone removes the whole config
        p.store().apply(log.config("s", "NONE").config(null, null).batch());
        assertEquals(Optional.of(new LogValue.ConfigValue("NONE")), r.config("s"));
        assertEquals(Optional.empty(), r.config(null));
    }

    @ParameterizedTest
    @MethodSource("projections")
    void softDeletesKeepVersionsVisibleAndHardDeletesRemoveThem(Projection p) {
        TestEvents log = new TestEvents(0, 0);
        ReadModel r = p.reads();
        p.store().apply(log.schema("s", 1, 1, A).schema("s", 2, 2, B).schema("s", 3, 3, C)
                .schema("t", 1, 1, A).batch());

        p.store().apply(log.schema("s", 2, 2, B, true).batch());
        assertEquals(List.of(live("s", 1, 1), deleted("s", 2, 2), live("s", 3, 3)), r.versions("s"));
        assertEquals(List.of("s", "t"), r.subjects(false));

        p.store().apply(log.deleteSubject("s", 3).batch());
        assertEquals(List.of(deleted("s", 1, 1), deleted("s", 2, 2), deleted("s", 3, 3)), r.versions("s"));
        assertEquals(Optional.of(deleted("s", 3, 3)), r.version("s", 3));
        assertEquals(List.of("t"), r.subjects(false));
        assertEquals(List.of("s", "t"), r.subjects(true));
        assertEquals(List.of(deleted("s", 1, 1), live("t", 1, 1)), r.usagesOf(1));

        p.store().apply(log.clearSubject("s").batch());
        assertEquals(List.of(), r.versions("s"));
        assertEquals(List.of("t"), r.subjects(true));
        assertEquals(List.of(), r.usagesOf(2));
        assertEquals(List.of(live("t", 1, 1)), r.usagesOf(1));
        assertTrue(r.schemaById(2).isPresent(), "schemas by id outlive their subject versions");
        assertEquals(Optional.of(2), r.idByFingerprint(fingerprint(SchemaType.AVRO, B)));

        p.store().apply(log.tombstone("t", 1).config("t", "FULL").config("t", null).batch());
        assertEquals(List.of(), r.subjects(true));
        assertEquals(List.of(), r.usagesOf(1));
        assertEquals(Optional.empty(), r.compatibility("t"));

        // a version number reused after a hard delete moves to its new id
        p.store().apply(log.schema("s", 1, 4, avro("D")).batch());
        assertEquals(List.of("s"), r.subjects(false));
        assertEquals(List.of(live("s", 1, 4)), r.usagesOf(4));
        assertEquals(List.of(), r.usagesOf(1));
    }

    @ParameterizedTest
    @MethodSource("projections")
    void appliesEventsInLogOrderWithinABatch(Projection p) {
        p.store().apply(new TestEvents(0, 0)
                .schema("u", 1, 1, A).schema("u", 2, 2, B).deleteSubject("u", 1).schema("u", 3, 3, C)
                .schema("v", 1, 1, A).deleteSubject("v", 1).clearSubject("v").schema("v", 1, 5, avro("E"))
                .schema("w", 1, 1, A).deleteSubject("w", 1)
                .batch());
        ReadModel r = p.reads();
        assertEquals(List.of(deleted("u", 1, 1), live("u", 2, 2), live("u", 3, 3)), r.versions("u"));
        assertEquals(List.of(live("v", 1, 5)), r.versions("v"));
        assertEquals(List.of("u", "v"), r.subjects(false));
        assertEquals(List.of("u", "v", "w"), r.subjects(true));
    }

    @ParameterizedTest
    @MethodSource("projections")
    void aFailingBatchLeavesNeitherDataNorCheckpoint(Projection p) {
        TestEvents log = new TestEvents(0, 0);
        p.store().apply(log.schema("s", 1, 1, A).batch());
        Checkpoint before = p.store().checkpoint();

        // The poison event comes last, after writes of every kind were issued.
        List<PositionedEvent> poisoned = log.schema("x", 1, 10, B).config(null, "FULL").deleteSubject("s", 1)
                .add(new LogKey.SchemaKey("y", 1),
                        new LogValue.SchemaValue("y", 1, 11, null, C, List.of(), null, null, false))
                .batch();
        assertThrows(RuntimeException.class, () -> p.store().apply(poisoned));

        assertUnchanged(p, before);
    }

    @Test
    void postgresRollsBackWhenTheDatabaseRejectsARow() {
        PostgresProjectionStore store = ENV.bean(PostgresProjectionStore.class);
        Projection p = new Projection("postgres", store, ENV.bean(PostgresReadModel.class),
                ENV.bean(PostgresProgressNotices.class));
        TestEvents log = new TestEvents(0, 0);
        store.apply(log.schema("s", 1, 1, A).batch());
        Checkpoint before = store.checkpoint();

        // Postgres refuses NUL in text: the failure comes from the server, after earlier statements ran.
        List<PositionedEvent> rejected = log.schema("x", 1, 10, B).config(null, "FULL").deleteSubject("s", 1)
                .schema("y", 1, 11, "{\"type\":\"string\",\"doc\":\"\u0000\"}").batch();
        RuntimeException failure = assertThrows(RuntimeException.class, () -> store.apply(rejected));
        assertTrue(failure.getMessage().contains("0x00"), failure.getMessage());

        assertUnchanged(p, before);
    }

    @ParameterizedTest
    @MethodSource("projections")
    void rejectsABatchThatWasAppliedAlready(Projection p) {
        List<PositionedEvent> first = new TestEvents(0, 0).schema("s", 1, 1, A).schema("s", 2, 2, B)
                .schema("s", 3, 3, C).batch();
        p.store().apply(first);
        Checkpoint before = p.store().checkpoint();

        List<PositionedEvent> replay = new TestEvents(1, 1).schema("s", 2, 2, B, true).batch();
        assertThrows(StaleCheckpointException.class, () -> p.store().apply(replay));
        assertEquals(before, p.store().checkpoint());
        assertEquals(Optional.of(live("s", 2, 2)), p.reads().version("s", 2));

        // offsets may jump (compaction, transaction markers): a batch after the checkpoint is fine
        p.store().apply(new TestEvents(7, 3).deleteSubject("s", 2).batch());
        assertEquals(new Checkpoint(8, 4), p.store().checkpoint());
        assertEquals(Optional.of(deleted("s", 2, 2)), p.reads().version("s", 2));
    }

    @ParameterizedTest
    @MethodSource("projections")
    void appliesABatchOnlyOnTopOfTheCheckpointItWasReadAfter(Projection p) {
        List<PositionedEvent> first = new TestEvents(0, 0).schema("s", 1, 1, A).batch();
        p.store().apply(Checkpoint.START, first);

        // a second projector that read the same batch from the same checkpoint
        assertThrows(StaleCheckpointException.class, () -> p.store().apply(Checkpoint.START, first));
        assertEquals(new Checkpoint(1, 1), p.store().checkpoint());

        // the projection is wiped while a projector holds the next batch: it must rebuild, not continue
        ENV.wipe();
        List<PositionedEvent> next = new TestEvents(1, 1).schema("s", 2, 2, B).batch();
        assertThrows(StaleCheckpointException.class, () -> p.store().apply(new Checkpoint(1, 1), next));
        assertEquals(Checkpoint.START, p.store().checkpoint());
        assertEquals(List.of(), p.reads().subjects(true));
    }

    @ParameterizedTest
    @MethodSource("projections")
    void treatsSubjectNamesAsOpaqueAndSortsThemByCodePoint(Projection p) {
        List<String> names = List.of("z", "a:b:c", "\u00c4", "b", "\ud83d\ude00", "\u5024", ":.ctx:orders");
        TestEvents log = new TestEvents(0, 0);
        for (String name : names) {
            log.schema(name, 1, 1, A);
        }
        p.store().apply(log.config("a:b:c", "NONE").batch());

        // byte order of UTF-8 = code point order (Postgres COLLATE "C", Redis sorted sets)
        List<String> sorted = List.of(":.ctx:orders", "a:b:c", "b", "z", "\u00c4", "\u5024", "\ud83d\ude00");
        assertEquals(sorted, p.reads().subjects(true));
        // ":.ctx:orders" is in the schema context ".ctx": its id 1 is that context's, not the default one's
        assertEquals(sorted.stream().filter(name -> !name.startsWith(":.")).map(name -> live(name, 1, 1)).toList(),
                p.reads().usagesOf(1));
        assertEquals(List.of(live(":.ctx:orders", 1, 1)), p.reads().usagesOf(".ctx", 1));
        assertTrue(p.reads().schemaById(".ctx", 1).isPresent());
        assertEquals(List.of(live("\ud83d\ude00", 1, 1)), p.reads().versions("\ud83d\ude00"));
        assertEquals(Optional.of(CompatibilityLevel.NONE), p.reads().compatibility("a:b:c"));
    }

    private static void assertUnchanged(Projection p, Checkpoint before) {
        ReadModel r = p.reads();
        assertEquals(before, p.store().checkpoint(), p + " checkpoint");
        assertEquals(before.seq(), r.appliedSeq());
        assertEquals(Optional.empty(), r.schemaById(10), p + " data of the failed batch");
        assertEquals(List.of("s"), r.subjects(true));
        assertEquals(List.of(live("s", 1, 1)), r.versions("s"));
        assertEquals(Optional.empty(), r.compatibility(null));
    }

    static SubjectVersion live(String subject, int version, int id) {
        return new SubjectVersion(subject, version, id, false);
    }

    static SubjectVersion deleted(String subject, int version, int id) {
        return new SubjectVersion(subject, version, id, true);
    }

    static String fingerprint(SchemaType type, String schema) {
        return Fingerprints.of(type, schema, List.of());
    }

    /**
     * Each store announces its committed batches to listeners (what makes read-your-writes waits short), and a
     * batch it rejects announces nothing.
     */
    @ParameterizedTest
    @MethodSource("projections")
    void announcesACommittedBatchAndNotARejectedOne(Projection p) throws Exception {
        Semaphore heard = new Semaphore(0);
        AtomicLong announcedSeq = new AtomicLong(-1);
        p.notices().listen(new ProgressNotices.Listener() { // the context closes the listener
            @Override
            public void applied(long seq) {
                announcedSeq.set(seq);
                heard.release();
            }

            @Override
            public void resync() {
                heard.release();
            }
        });
        // Listening starts with one notice of its own (what committed before it listened is not missed)...
        assertTrue(heard.tryAcquire(10, TimeUnit.SECONDS), "no notice when the subscription started");
        heard.drainPermits();

        p.store().apply(Checkpoint.START, new TestEvents(0, 0).schema("orders-value", 1, 1, A).batch());
        assertTrue(heard.tryAcquire(10, TimeUnit.SECONDS), "the committed batch was not announced");
        // The notice carries the batch's last sequence: readers trust it without reading the checkpoint.
        assertEquals(1, announcedSeq.get());

        // ...and a batch applied on a stale checkpoint writes nothing and announces nothing.
        assertThrows(StaleCheckpointException.class, () -> p.store().apply(Checkpoint.START,
                new TestEvents(0, 0).schema("orders-value", 2, 2, B).batch()));
        assertFalse(heard.tryAcquire(300, TimeUnit.MILLISECONDS), "a rejected batch was announced");
        assertEquals(1, p.store().checkpoint().seq());
    }
}
