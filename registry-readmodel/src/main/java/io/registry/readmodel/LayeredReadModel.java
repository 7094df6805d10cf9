package io.registry.readmodel;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Value;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.readmodel.postgres.PostgresReadModel;
import io.registry.readmodel.redis.RedisReadModel;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The read model API nodes inject: Redis first, Postgres when Redis has no answer. With
 * {@code registry.redis.enabled=false} (dev mode without a Redis) neither this nor any Redis bean exists, and
 * {@link PostgresReadModel} is the read model. A miss in Redis may only mean
 * that Redis was wiped and is being rebuilt, so it is never taken as "not found"; Postgres decides. After a Redis
 * error, Redis is skipped for {@code registry.redis.fallback-cooldown} (default 1s) so that a Redis outage costs
 * one timeout, not one per request (API nodes should also keep {@code redis.timeout} short).
 *
 * <p>A non-empty answer from Redis is served as it is: while Redis rebuilds it may be older than Postgres, which
 * {@link #appliedSeq()} reflects by reporting the lower of the two sequences. Misses always cost a Postgres query.
 */
@Requires(property = "registry.redis.enabled", notEquals = "false")
@Primary
@Singleton
public class LayeredReadModel implements ReadModel {
    private static final Logger LOG = LoggerFactory.getLogger(LayeredReadModel.class);

    private final RedisReadModel redis;
    private final PostgresReadModel postgres;
    private final long cooldownNanos;
    private volatile long skipRedisUntil;

    public LayeredReadModel(RedisReadModel redis, PostgresReadModel postgres,
                            @Value("${registry.redis.fallback-cooldown:1s}") Duration cooldown) {
        this.redis = redis;
        this.postgres = postgres;
        this.cooldownNanos = cooldown.toNanos();
        this.skipRedisUntil = System.nanoTime();
    }

    @Override
    public Optional<StoredSchema> schemaById(String context, int id) {
        return read(r -> r.schemaById(context, id), Optional::isPresent);
    }

    @Override
    public Optional<Integer> idByFingerprint(String context, String fingerprint) {
        return read(r -> r.idByFingerprint(context, fingerprint), Optional::isPresent);
    }

    @Override
    public List<String> subjects(boolean includeDeleted) {
        return read(r -> r.subjects(includeDeleted), LayeredReadModel::notEmpty);
    }

    @Override
    public List<SubjectVersion> versions(String subject) {
        return read(r -> r.versions(subject), LayeredReadModel::notEmpty);
    }

    @Override
    public Optional<SubjectVersion> version(String subject, int version) {
        return read(r -> r.version(subject, version), Optional::isPresent);
    }

    @Override
    public List<SubjectVersion> usagesOf(String context, int schemaId) {
        return read(r -> r.usagesOf(context, schemaId), LayeredReadModel::notEmpty);
    }

    @Override
    public Optional<CompatibilityLevel> compatibility(String subject) {
        return read(r -> r.compatibility(subject), Optional::isPresent);
    }

    @Override
    public Optional<Boolean> normalize(String subject) {
        return read(r -> r.normalize(subject), Optional::isPresent);
    }

    @Override
    public Optional<ConfigValue> configExtras(String subject) {
        return read(r -> r.configExtras(subject), Optional::isPresent);
    }

    @Override
    public Optional<String> mode(String subject) {
        return read(r -> r.mode(subject), Optional::isPresent);
    }

    @Override
    public Optional<VersionExtras> versionExtras(String subject, int version) {
        return read(r -> r.versionExtras(subject, version), Optional::isPresent);
    }

    @Override
    public Optional<List<Integer>> referencedBy(String subject, int version) {
        return postgres.referencedBy(subject, version);
    }

    @Override
    public int maxSchemaId(String context) {
        return postgres.maxSchemaId(context);
    }

    /** What both layers have applied: an answer may come from either, so only the lower sequence is guaranteed. */
    @Override
    public long appliedSeq() {
        long fromPostgres = postgres.appliedSeq();
        Optional<Long> fromRedis = fromRedis(ReadModel::appliedSeq);
        return fromRedis.map(seq -> Math.min(seq, fromPostgres)).orElse(fromPostgres);
    }

    private <T> T read(Function<ReadModel, T> query, Predicate<T> found) {
        Optional<T> cached = fromRedis(query);
        if (cached.isPresent() && found.test(cached.get())) {
            return cached.get();
        }
        return query.apply(postgres);
    }

    /** Empty when Redis is skipped or fails; a failure starts the cooldown. */
    private <T> Optional<T> fromRedis(Function<ReadModel, T> query) {
        if (System.nanoTime() - skipRedisUntil < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(query.apply(redis));
        } catch (RuntimeException e) {
            skipRedisUntil = System.nanoTime() + cooldownNanos;
            LOG.warn("Redis read failed, reading from Postgres for the next {} ms: {}",
                    Duration.ofNanos(cooldownNanos).toMillis(), e.toString());
            return Optional.empty();
        }
    }

    private static boolean notEmpty(Collection<?> values) {
        return !values.isEmpty();
    }
}
