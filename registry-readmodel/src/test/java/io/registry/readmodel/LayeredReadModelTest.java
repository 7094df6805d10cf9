package io.registry.readmodel;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.schema.SchemaType;
import io.registry.readmodel.postgres.PostgresProjectionStore;
import io.registry.readmodel.postgres.PostgresReadModel;
import io.registry.readmodel.redis.RedisKeys;
import io.registry.readmodel.redis.RedisProjectionStore;
import io.registry.readmodel.redis.RedisReadModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Optional;

import static io.registry.readmodel.ProjectionStoresTest.deleted;
import static io.registry.readmodel.ProjectionStoresTest.fingerprint;
import static io.registry.readmodel.ProjectionStoresTest.live;
import static io.registry.readmodel.TestEvents.avro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayeredReadModelTest {
    private static final String A = avro("A");
    private static final String B = avro("B");

    @RegisterExtension
    static final ReadModelEnvironmentExtension ENV = ReadModelEnvironmentExtension.shared();

    @BeforeAll
    void start() {
        List<PositionedEvent> batch = new TestEvents(0, 0)
                .schema("s", 1, 1, A).schema("s", 2, 2, B).deleteSubject("s", 1).config(null, "FULL").batch();
        ENV.bean(PostgresProjectionStore.class).apply(batch);
        ENV.bean(RedisProjectionStore.class).apply(batch);
    }

    @Test
    void isTheReadModelApplicationsGet() {
        assertInstanceOf(LayeredReadModel.class, ENV.bean(ReadModel.class));
    }

    @Test
    void fallsBackToPostgresWhenRedisLostItsKeys() {
        ReadModel layered = ENV.bean(ReadModel.class);
        RedisReadModel redis = ENV.bean(RedisReadModel.class);
        assertEquals(4, layered.appliedSeq());

        ENV.get().wipeRedis();
        try {
            assertEquals(Optional.empty(), redis.schemaById(1), "Redis is empty");
            assertAnswersFromPostgres(layered);
            assertEquals(0, layered.appliedSeq(), "the wiped Redis has applied nothing");
            assertEquals(Optional.of(2),
                    ENV.bean(PostgresReadModel.class).repeatOf("s", fingerprint(SchemaType.AVRO, B)));
            assertEquals(Optional.empty(), layered.repeatOf("s", fingerprint(SchemaType.AVRO, B)),
                    "a repeat Redis misses is left to the sequencer, not asked of Postgres");
        } finally {
            ENV.bean(RedisProjectionStore.class).apply(new TestEvents(0, 0)
                    .schema("s", 1, 1, A).schema("s", 2, 2, B).deleteSubject("s", 1).config(null, "FULL").batch());
        }
    }

    @Test
    void fallsBackToPostgresWhenRedisFails() {
        RedisClient client = RedisClient.create(io.registry.testkit.RedisKeyspace.URI);
        try {
            StatefulRedisConnection<String, String> closed = client.connect();
            closed.close();
            RedisReadModel broken = new RedisReadModel(closed, ENV.bean(RedisKeys.class));
            assertThrows(RuntimeException.class, () -> broken.schemaById(1));

            LayeredReadModel layered = new LayeredReadModel(broken, ENV.bean(PostgresReadModel.class));
            assertAnswersFromPostgres(layered);
            assertEquals(Optional.of(2), layered.repeatOf("s", fingerprint(SchemaType.AVRO, B)));
            assertEquals(Optional.empty(), layered.repeatOf("s", fingerprint(SchemaType.AVRO, A)), "soft-deleted");
            assertEquals(4, layered.appliedSeq());
        } finally {
            client.shutdown();
        }
    }

    private static void assertAnswersFromPostgres(ReadModel layered) {
        assertTrue(layered.schemaById(2).isPresent());
        assertEquals(Optional.of(1), layered.idByFingerprint(fingerprint(SchemaType.AVRO, A)));
        assertEquals(List.of("s"), layered.subjects(false));
        assertEquals(List.of(deleted("s", 1, 1), live("s", 2, 2)), layered.versions("s"));
        assertEquals(Optional.of(live("s", 2, 2)), layered.version("s", 2));
        assertEquals(List.of(deleted("s", 1, 1)), layered.usagesOf(1));
        assertEquals(Optional.of(CompatibilityLevel.FULL), layered.compatibility(null));
    }
}
