package io.registry.api.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.registry.api.http.RegistryException;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.subject.QualifiedSubject;
import io.registry.readmodel.AsyncSubjectReads;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;
import io.registry.readmodel.VersionExtras;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The fast path of {@code GET /subjects/{s}/versions/{v}} ({@code latest}, {@code -1} or a number), the hot read of
 * serializers using "latest", without blocking the event loop and without JDBC: one asynchronous Redis HGETALL of
 * the subject, the schema from the in-process cache. It answers only what it can answer exactly as the blocking
 * path ({@link RegistryReads}: Redis, then Postgres, with Confluent's errors) would; anything else — Redis has
 * nothing or fails, the version is missing or invalid, the subject is aliased, the schema or the version's extras
 * are not cached — completes with null, and the caller takes the blocking path.
 *
 * <p>Answers are also kept in a small local cache tagged with the projection watermark read <em>before</em> the
 * Redis read, and served only while the watermark has not moved: the data then reflects at least the sequence
 * reported in {@code X-Registry-Seq}, and any write acknowledged by this node (which waits for the watermark to
 * pass it) invalidates every entry, so read-your-writes holds.
 */
@Singleton
public final class SubjectVersionFastPath {
    /** How the caller renders a found version (the fast path knows no response format). */
    @FunctionalInterface
    public interface Renderer {
        byte[] render(SubjectVersion version, StoredSchema schema, Optional<VersionExtras> extras);
    }

    /**
     * Redis ({@code RedisReadModel}); null when Redis is disabled ({@code registry.redis.enabled=false}): every read
     * takes the blocking path.
     */
    private final AsyncSubjectReads redis;
    private final SchemaByIdCache cache;
    private final ProjectionWatermark watermark;
    private final ReadCounters counters;
    private final Cache<String, Answer> answers = Caffeine.newBuilder().maximumSize(10_000).build();
    /**
     * A version's {@code metadata}/{@code ruleSet} (Postgres only), keyed by subject, version and schema id; filled
     * by the blocking path ({@link #remember}), so the fast path only answers versions whose extras it already knows.
     */
    private final Cache<String, Optional<VersionExtras>> extras = Caffeine.newBuilder().maximumSize(10_000).build();

    private record Answer(long seq, byte[] body) {
    }

    public SubjectVersionFastPath(@Nullable AsyncSubjectReads redis, SchemaByIdCache cache,
                                  ProjectionWatermark watermark, ReadCounters counters) {
        this.redis = redis;
        this.cache = cache;
        this.watermark = watermark;
        this.counters = counters;
    }

    public boolean enabled() {
        return redis != null;
    }

    /** The answer's body, or null when the blocking path must decide. Never completes exceptionally. */
    public CompletableFuture<byte[]> answer(String subject, String version, Renderer renderer) {
        if (redis == null) {
            return CompletableFuture.completedFuture(null);
        }
        String key = version + '\u0000' + subject;
        long seq = watermark.applied();
        Answer hit = answers.getIfPresent(key);
        if (hit != null && hit.seq() == seq) {
            counters.answerHit();
            return CompletableFuture.completedFuture(hit.body());
        }
        counters.answerMiss();
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        try {
            // The subject's alias (if any) is read alongside its versions; an aliased subject takes the blocking
            // path, which follows the alias (SubjectAliases).
            redis.versionsAsync(subject).thenCombine(redis.configExtrasAsync(subject),
                    (versions, config) -> config.map(ConfigValue::alias).isPresent() ? null : versions)
                    .whenComplete((versions, error) -> {
                        byte[] fast = error == null && versions != null ? fromRedis(versions, version, renderer) : null;
                        if (fast != null) {
                            counters.redisFastRead();
                            answers.put(key, new Answer(seq, fast));
                        }
                        answer.complete(fast);
                    });
        } catch (RuntimeException e) {
            answer.complete(null);
        }
        return answer;
    }

    /** What the blocking path read of a version's extras, for the fast path's later answers. */
    public void remember(SubjectVersion version, Optional<VersionExtras> found) {
        extras.put(extrasKey(version), found);
    }

    private byte[] fromRedis(List<SubjectVersion> all, String versionText, Renderer renderer) {
        int wanted;
        try {
            wanted = RegistryReads.versionNumber(versionText);
        } catch (RegistryException invalid) {
            return null; // the blocking path answers the Confluent error
        }
        boolean latest = wanted == -1;
        SubjectVersion found = null;
        for (SubjectVersion v : all) {
            if (!v.deleted() && (latest || v.version() == wanted)) {
                found = v; // ascending: the last live one is the latest
            }
        }
        if (found == null) {
            return null;
        }
        StoredSchema schema = cache.getIfCached(QualifiedSubject.contextOf(found.subject()), found.schemaId());
        Optional<VersionExtras> known = extras.getIfPresent(extrasKey(found));
        return schema == null || known == null ? null : renderer.render(found, schema, known);
    }

    private static String extrasKey(SubjectVersion v) {
        return v.subject() + '\u0000' + v.version() + '\u0000' + v.schemaId();
    }
}
