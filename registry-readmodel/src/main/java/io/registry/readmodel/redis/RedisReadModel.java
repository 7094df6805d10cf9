package io.registry.readmodel.redis;

import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogRecordCodec;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.readmodel.AsyncSubjectReads;
import io.registry.readmodel.ReadModel;
import io.registry.readmodel.ReadModelJson;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;
import io.registry.readmodel.VersionExtras;
import io.micronaut.context.annotation.Requires;
import io.registry.readmodel.availability.StoreGuard;
import io.registry.readmodel.availability.StoreGuards;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The read model served from Redis, one command per call on the application's shared connection (see
 * {@link RedisKeys} for the layout). A miss means "not in Redis", which may be "not yet rebuilt": callers that
 * must not answer 404 from a miss use {@code LayeredReadModel}. Every call goes through the Redis circuit breaker
 * ({@link StoreGuard}): while Redis is down, calls fail at once with {@code StoreUnavailableException}.
 */
@Requires(property = "registry.redis.enabled", notEquals = "false")
@Singleton
public class RedisReadModel implements ReadModel, AsyncSubjectReads {
    /** Postgres sorts subjects COLLATE "C" and Redis sorted sets by bytes: both are code point order. */
    private static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };
    private static final Comparator<SubjectVersion> BY_SUBJECT_AND_VERSION =
            Comparator.comparing(SubjectVersion::subject, CODE_POINT_ORDER).thenComparingInt(SubjectVersion::version);

    private final RedisCommands<String, String> redis;
    private final RedisAsyncCommands<String, String> async;
    private final RedisKeys keys;
    private final StoreGuard guard;

    @Inject
    public RedisReadModel(StatefulRedisConnection<String, String> connection, RedisKeys keys, StoreGuards guards) {
        this(connection, keys, guards.redis());
    }

    /** Without a circuit breaker (tools, tests). */
    public RedisReadModel(StatefulRedisConnection<String, String> connection, RedisKeys keys) {
        this(connection, keys, StoreGuard.unguarded(StoreGuards.REDIS));
    }

    private RedisReadModel(StatefulRedisConnection<String, String> connection, RedisKeys keys, StoreGuard guard) {
        this.redis = connection.sync();
        this.async = connection.async();
        this.keys = keys;
        this.guard = guard;
    }

    @Override
    public Optional<StoredSchema> schemaById(String context, int id) {
        return Optional.ofNullable(guard.call(() -> redis.get(keys.schema(context, id))))
                .map(ReadModelJson::readSchema);
    }

    @Override
    public Optional<Integer> idByFingerprint(String context, String fingerprint) {
        return guard.call(() -> redis.zrange(keys.fingerprint(context, fingerprint), 0, 0)).stream().findFirst()
                .map(Integer::valueOf);
    }

    @Override
    public Optional<Integer> repeatOf(String subject, String fingerprint) {
        // "<version>:<schemaId>"
        return Optional.ofNullable(guard.call(() -> redis.hget(keys.repeats(subject), fingerprint)))
                .map(entry -> Integer.valueOf(entry.substring(entry.indexOf(':') + 1)));
    }

    @Override
    public List<String> subjects(boolean includeDeleted) {
        if (!includeDeleted) {
            return guard.call(() -> redis.zrangebyscore(keys.subjects(), Range.create(1, 1)));
        }
        // score 0 (all versions deleted) first, then score 1 (live): two runs in byte order, merged
        List<ScoredValue<String>> scored = guard.call(() -> redis.zrangeWithScores(keys.subjects(), 0, -1));
        int live = 0;
        while (live < scored.size() && scored.get(live).getScore() < 1) {
            live++;
        }
        List<String> merged = new ArrayList<>(scored.size());
        int d = 0;
        int l = live;
        while (d < live || l < scored.size()) {
            if (l == scored.size() || d < live
                    && CODE_POINT_ORDER.compare(scored.get(d).getValue(), scored.get(l).getValue()) < 0) {
                merged.add(scored.get(d++).getValue());
            } else {
                merged.add(scored.get(l++).getValue());
            }
        }
        return merged;
    }

    @Override
    public List<SubjectVersion> versions(String subject) {
        return toVersions(subject, guard.call(() -> redis.hgetall(keys.subject(subject))));
    }

    /**
     * {@link #versions} without blocking the caller (one HGETALL on the shared connection; the stage completes on
     * Lettuce's I/O thread). Empty means "not in Redis", as for {@link #versions}.
     */
    @Override
    public CompletionStage<List<SubjectVersion>> versionsAsync(String subject) {
        return guard.callAsync(() -> async.hgetall(keys.subject(subject)))
                .thenApply(fields -> toVersions(subject, fields));
    }

    /** {@link #configExtras} without blocking (the alias check of the non-blocking version read). */
    @Override
    public CompletionStage<Optional<ConfigValue>> configExtrasAsync(String subject) {
        return guard.callAsync(() -> async.hget(keys.configExtras(), RedisKeys.field(subject)))
                .thenApply(json -> Optional.ofNullable(json).map(LogRecordCodec::decodeConfigExtras));
    }

    private static List<SubjectVersion> toVersions(String subject, Map<String, String> fields) {
        List<SubjectVersion> versions = new ArrayList<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            versions.add(toSubjectVersion(subject, Integer.parseInt(field.getKey()), field.getValue()));
        }
        versions.sort(Comparator.comparingInt(SubjectVersion::version));
        return versions;
    }

    @Override
    public Optional<SubjectVersion> version(String subject, int version) {
        return Optional.ofNullable(guard.call(() -> redis.hget(keys.subject(subject), String.valueOf(version))))
                .map(cell -> toSubjectVersion(subject, version, cell));
    }

    @Override
    public Optional<VersionExtras> versionExtras(String subject, int version) {
        return Optional.ofNullable(guard.call(() -> redis.hget(keys.extras(subject), String.valueOf(version))))
                .map(ReadModelJson::readExtras);
    }

    @Override
    public List<SubjectVersion> usagesOf(String context, int schemaId) {
        List<SubjectVersion> usages = new ArrayList<>();
        Map<String, String> fields = guard.call(() -> redis.hgetall(keys.usages(context, schemaId)));
        for (Map.Entry<String, String> field : fields.entrySet()) {
            // field "<version>:<subject>": the version has no colon, the subject may have any number
            String usage = field.getKey();
            int colon = usage.indexOf(':');
            usages.add(new SubjectVersion(usage.substring(colon + 1), Integer.parseInt(usage.substring(0, colon)),
                    schemaId, "1".equals(field.getValue())));
        }
        usages.sort(BY_SUBJECT_AND_VERSION);
        return usages;
    }

    @Override
    public Optional<CompatibilityLevel> compatibility(String subject) {
        return CompatibilityLevel.parse(guard.call(() -> redis.hget(keys.config(), RedisKeys.field(subject))));
    }

    @Override
    public Optional<Boolean> normalize(String subject) {
        return Optional.ofNullable(guard.call(() -> redis.hget(keys.normalize(), RedisKeys.field(subject))))
                .map(Boolean::valueOf);
    }

    @Override
    public Optional<ConfigValue> configExtras(String subject) {
        return Optional.ofNullable(guard.call(() -> redis.hget(keys.configExtras(), RedisKeys.field(subject))))
                .map(LogRecordCodec::decodeConfigExtras);
    }

    @Override
    public Optional<String> mode(String subject) {
        return Optional.ofNullable(guard.call(() -> redis.hget(keys.mode(), RedisKeys.field(subject))));
    }

    @Override
    public long appliedSeq() {
        String seq = guard.call(() -> redis.hget(keys.checkpoint(), RedisKeys.SEQ));
        return seq == null ? 0 : Long.parseLong(seq);
    }

    private static SubjectVersion toSubjectVersion(String subject, int version, String cell) {
        VersionCell parsed = VersionCell.parse(cell);
        return new SubjectVersion(subject, version, parsed.schemaId(), parsed.deleted());
    }
}
