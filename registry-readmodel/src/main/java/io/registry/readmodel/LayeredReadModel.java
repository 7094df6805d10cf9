package io.registry.readmodel;

import io.micronaut.context.annotation.Primary;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.readmodel.availability.StoreGuards;
import io.registry.readmodel.availability.StoreUnavailableException;
import io.registry.readmodel.postgres.PostgresReadModel;
import io.registry.readmodel.redis.RedisReadModel;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The read model API nodes inject: Redis first, Postgres when Redis has no answer. With
 * {@code registry.redis.enabled=false} (dev mode without a Redis) neither this nor any Redis bean exists, and
 * {@link PostgresReadModel} is the read model. A miss in Redis may only mean
 * that Redis was wiped and is being rebuilt, so it is never taken as "not found" while Postgres can decide.
 *
 * <p>Each store is behind its circuit breaker (see {@code StoreGuard}): a store that is down fails at once, so an
 * outage costs one timeout, not one per request. Redis down: every read is answered by Postgres. Postgres down: a
 * read Redis answers is served; a miss in Redis is served as "not found" only when Redis is complete, i.e. has
 * applied at least the highest sequence this node has seen any projection apply (a Redis being rebuilt is not);
 * otherwise, and when both are down, {@link StoreUnavailableException} (503), never a "not found" caused by the
 * outage.
 *
 * <p>A non-empty answer from Redis is served as it is: while Redis rebuilds it may be older than Postgres, which
 * {@link #appliedSeq()} reflects by reporting the lower of the two sequences. Misses always cost a Postgres query.
 */
@Requires(property = "registry.redis.enabled", notEquals = "false")
@Primary
@Singleton
public class LayeredReadModel implements ReadModel, ProjectionProgress {
    private static final Logger LOG = LoggerFactory.getLogger(LayeredReadModel.class);

    private final RedisReadModel redis;
    private final PostgresReadModel postgres;
    /** The highest sequence this node has seen a projection apply: Redis at or past it has every answer. */
    private final AtomicLong highestSeen = new AtomicLong();
    /** Reads answered by each layer, for metrics (plain adders: one increment on the read path). */
    private final LongAdder servedByRedis = new LongAdder();
    private final LongAdder servedByPostgres = new LongAdder();

    public LayeredReadModel(RedisReadModel redis, PostgresReadModel postgres) {
        this.redis = redis;
        this.postgres = postgres;
    }

    @Override
    public Optional<StoredSchema> schemaById(String context, int id) {
        return read(r -> r.schemaById(context, id), Optional::isPresent);
    }

    @Override
    public Optional<Integer> idByFingerprint(String context, String fingerprint) {
        return read(r -> r.idByFingerprint(context, fingerprint), Optional::isPresent);
    }

    /**
     * Redis's answer, a miss included: a repeat Redis does not know (it may be rebuilding) only costs a round trip
     * through the sequencer, which answers repeats itself, so a miss is not worth a Postgres query. Postgres answers
     * only while Redis is down or failing; with both down, {@link StoreUnavailableException}.
     */
    @Override
    public Optional<Integer> repeatOf(String subject, String fingerprint) {
        try {
            Optional<Integer> fromRedis = redis.repeatOf(subject, fingerprint);
            servedByRedis.increment();
            return fromRedis;
        } catch (RuntimeException e) {
            if (!(e instanceof StoreUnavailableException)) {
                LOG.warn("Redis read failed, reading from Postgres: {}", e.toString());
            }
        }
        Optional<Integer> fromPostgres = postgres.repeatOf(subject, fingerprint);
        servedByPostgres.increment();
        return fromPostgres;
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

    /** Postgres keeps the only reverse index; without it the caller scans (Redis), as for any model without one. */
    @Override
    public Optional<List<Integer>> referencedBy(String subject, int version) {
        servedByPostgres.increment();
        try {
            return postgres.referencedBy(subject, version);
        } catch (StoreUnavailableException e) {
            return Optional.empty();
        }
    }

    /** Only Postgres knows it: 503 while Postgres is down. */
    @Override
    public int maxSchemaId(String context) {
        servedByPostgres.increment();
        return postgres.maxSchemaId(context);
    }

    /**
     * What the stores that are up have applied: an answer may come from either, so only the lower sequence is
     * guaranteed. @throws StoreUnavailableException when neither answers
     */
    @Override
    public long appliedSeq() {
        long lowest = Long.MAX_VALUE;
        for (OptionalLong seq : appliedSeqs().values()) {
            if (seq.isPresent()) {
                lowest = Math.min(lowest, seq.getAsLong());
            }
        }
        if (lowest == Long.MAX_VALUE) {
            throw new StoreUnavailableException(StoreGuards.REDIS + "+" + StoreGuards.POSTGRES,
                    "no store answered", null);
        }
        return lowest;
    }

    @Override
    public Map<String, OptionalLong> appliedSeqs() {
        Map<String, OptionalLong> seqs = new LinkedHashMap<>();
        seqs.put(StoreGuards.REDIS, appliedSeqOf(redis));
        seqs.put(StoreGuards.POSTGRES, appliedSeqOf(postgres));
        return seqs;
    }

    private OptionalLong appliedSeqOf(ReadModel store) {
        try {
            long seq = store.appliedSeq();
            highestSeen.accumulateAndGet(seq, Math::max);
            return OptionalLong.of(seq);
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private <T> T read(Function<ReadModel, T> query, Predicate<T> found) {
        T fromRedis = null;
        RuntimeException redisFailure = null;
        try {
            fromRedis = query.apply(redis);
            if (found.test(fromRedis)) {
                servedByRedis.increment();
                return fromRedis;
            }
        } catch (RuntimeException e) {
            // Down or failing, Redis is only a cache in front of Postgres.
            redisFailure = e;
            if (!(e instanceof StoreUnavailableException)) {
                LOG.warn("Redis read failed, reading from Postgres: {}", e.toString());
            }
        }
        try {
            T fromPostgres = query.apply(postgres);
            servedByPostgres.increment();
            return fromPostgres;
        } catch (StoreUnavailableException postgresDown) {
            if (redisFailure == null && redisIsComplete()) {
                return fromRedis;
            }
            if (redisFailure != null) {
                throw new StoreUnavailableException(StoreGuards.REDIS + "+" + StoreGuards.POSTGRES,
                        "Redis: " + redisFailure.getMessage() + "; Postgres: " + postgresDown.getMessage(),
                        postgresDown);
            }
            throw postgresDown;
        }
    }

    /** Redis has applied everything this node has seen applied, so its miss is a real "not found". */
    private boolean redisIsComplete() {
        OptionalLong seq = appliedSeqOf(redis);
        return seq.isPresent() && seq.getAsLong() > 0 && seq.getAsLong() >= highestSeen.get();
    }

    /** Reads answered by Redis. */
    public long servedByRedis() {
        return servedByRedis.sum();
    }

    /** Reads answered by Postgres (Redis failed or had no answer, or a Postgres-only query). */
    public long servedByPostgres() {
        return servedByPostgres.sum();
    }

    private static boolean notEmpty(Collection<?> values) {
        return !values.isEmpty();
    }
}
