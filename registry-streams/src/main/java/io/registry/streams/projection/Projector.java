package io.registry.streams.projection;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.registry.kafka.TopicBootstrap;
import io.micronaut.core.annotation.Nullable;
import io.registry.kafka.config.KafkaSettings;
import io.registry.kafka.config.RegionSettings;
import io.registry.readmodel.postgres.PostgresProjectionStore;
import io.registry.readmodel.redis.RedisProjectionStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

/**
 * The projector role: keeps the Postgres and the Redis read models up with the log, each through its own
 * {@link ProjectionRunner} (Postgres only with {@code registry.redis.enabled=false}: there is no Redis store then). Starts with the application context when {@code registry.projector.enabled=true}.
 *
 * <p>Config: {@code registry.kafka.bootstrap-servers} and {@code registry.topics.log} (default {@code _schemas}),
 * read through {@link KafkaSettings} like every other role; {@code registry.projector.max-poll-records} (default
 * 5000), {@code registry.projector.retry-backoff-max} (default 5s); the datasource and {@code redis.uri} of the
 * stores. The role should also set
 * {@code flyway.datasources.default.enabled=true} so that the schema is migrated before the first batch.
 */
@Context
@Singleton
@Requires(property = "registry.projector.enabled", value = "true")
public class Projector implements AutoCloseable {
    private final ProjectionRunner postgres;
    /** Null when Redis is disabled. */
    private final ProjectionRunner redis;

    public Projector(PostgresProjectionStore postgresStore, @Nullable RedisProjectionStore redisStore,
                     KafkaSettings kafka, RegionSettings region,
                     @Value("${registry.projector.max-poll-records:5000}") int maxPollRecords,
                     @Value("${registry.projector.retry-backoff-max:5s}") Duration retryBackoffMax) {
        // A replica region projects its mirror of the primary's log (or, with log-source=direct, the primary's log).
        // The mirror creates its copy of the topics too, but nothing orders the two roles' start: create them here.
        if (region.isReplica() && region.logSource() == RegionSettings.LogSource.MIRROR) {
            TopicBootstrap.ensureTopics(kafka.bootstrapServers(), kafka.layout(), Duration.ofSeconds(60));
        }
        // A store that is down fails each batch; the runner retries from its checkpoint with a backoff that doubles
        // up to retry-backoff-max, which is also how long it may take to notice that the store is back.
        ProjectionRunnerSettings defaults = ProjectionRunnerSettings.of(region.logBootstrapServers(),
                kafka.layout().log());
        ProjectionRunnerSettings settings = defaults.withMaxPollRecords(maxPollRecords)
                .withBackoff(defaults.minBackoff(), retryBackoffMax);
        this.postgres = new ProjectionRunner(postgresStore, settings);
        this.redis = redisStore == null ? null : new ProjectionRunner(redisStore, settings);
    }

    @PostConstruct
    void start() {
        runners().forEach(ProjectionRunner::prepare);
        runners().forEach(ProjectionRunner::start);
    }

    public ProjectionRunner postgres() {
        return postgres;
    }

    /** @return the Redis projection's runner, or null when Redis is disabled */
    public ProjectionRunner redis() {
        return redis;
    }

    public List<ProjectionRunner> runners() {
        return redis == null ? List.of(postgres) : List.of(postgres, redis);
    }

    /** What every projection has applied: the sequence a read through either store is guaranteed to reflect. */
    public long appliedSeq() {
        return runners().stream().mapToLong(ProjectionRunner::appliedSeq).min().orElseThrow();
    }

    @PreDestroy
    @Override
    public void close() {
        runners().forEach(ProjectionRunner::close);
    }
}
