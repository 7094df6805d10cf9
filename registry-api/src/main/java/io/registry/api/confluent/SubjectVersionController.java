package io.registry.api.confluent;

import io.registry.core.subject.QualifiedSubject;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryException;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.api.read.ProjectionWatermark;
import io.registry.api.read.ReadCounters;
import io.registry.api.read.RegistryReads;
import io.registry.api.read.SchemaByIdCache;
import io.registry.api.read.SubjectAliases;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;
import io.registry.readmodel.VersionExtras;
import io.registry.readmodel.redis.RedisReadModel;
import jakarta.inject.Named;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code GET /subjects/{s}/versions/{v}} ({@code latest}, {@code -1} or a number), the hot read of serializers
 * using "latest", without blocking the event loop and without JDBC: one asynchronous Redis HGETALL of the
 * subject, the schema from the in-process cache. Anything else — Redis has nothing or fails, the version is
 * missing or invalid, {@code deleted=true}, the schema is not cached — takes the blocking path
 * ({@link RegistryReads}: Redis, then Postgres, with Confluent's errors) on the blocking executor, so answers and
 * errors are the same as before. The other {@code /subjects…} routes are in {@link SubjectsController}.
 *
 * <p>Answers are also kept in a small local cache tagged with the projection watermark read <em>before</em> the
 * Redis read, and served only while the watermark has not moved: the data then reflects at least the sequence
 * reported in {@code X-Registry-Seq}, and any write acknowledged by this node (which waits for the watermark to
 * pass it) invalidates every entry, so read-your-writes holds.
 */
@Controller("/subjects")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
public class SubjectVersionController {
    private final RegistryReads reads;
    private final SubjectAliases aliases;
    /** Null when Redis is disabled ({@code registry.redis.enabled=false}): every read takes the blocking path. */
    private final RedisReadModel redis;
    private final SchemaByIdCache cache;
    private final Executor blocking;
    private final ProjectionWatermark watermark;
    private final ReadCounters counters;
    private final Cache<String, Answer> answers = Caffeine.newBuilder().maximumSize(10_000).build();
    /**
     * A version's {@code metadata}/{@code ruleSet} (Postgres only), keyed by subject, version and schema id; filled
     * by the blocking path, so the fast path only answers versions whose extras it already knows.
     */
    private final Cache<String, Optional<VersionExtras>> extras = Caffeine.newBuilder().maximumSize(10_000).build();

    private record Answer(long seq, byte[] body) {
    }

    public SubjectVersionController(RegistryReads reads, @Nullable RedisReadModel redis, SchemaByIdCache cache,
                                    @Named(TaskExecutors.BLOCKING) Executor blocking, ProjectionWatermark watermark,
                                    SubjectAliases aliases, ReadCounters counters) {
        this.counters = counters;
        this.reads = reads;
        this.aliases = aliases;
        this.redis = redis;
        this.cache = cache;
        this.blocking = blocking;
        this.watermark = watermark;
    }

    @Get("/{subject}/versions/{version}")
    public CompletableFuture<HttpResponse<byte[]>> version(@PathVariable String subject, @PathVariable String version,
                                                           @QueryValue(defaultValue = "false") boolean deleted,
                                                           @Nullable @QueryValue String format) {
        if (deleted || (format != null && !format.isBlank()) || redis == null) {
            return blocking(subject, version, deleted, format);
        }
        String key = version + '\u0000' + subject;
        long seq = watermark.applied();
        Answer hit = answers.getIfPresent(key);
        if (hit != null && hit.seq() == seq) {
            counters.answerHit();
            return CompletableFuture.completedFuture(JsonResponses.ok(hit.body()));
        }
        counters.answerMiss();
        CompletableFuture<HttpResponse<byte[]>> answer = new CompletableFuture<>();
        try {
            // The subject's alias (if any) is read alongside its versions; an aliased subject takes the blocking
            // path, which follows the alias (SubjectAliases).
            redis.versionsAsync(subject).thenCombine(redis.configExtrasAsync(subject),
                    (versions, config) -> config.map(ConfigValue::alias).isPresent() ? null : versions)
                    .whenComplete((versions, error) -> {
                byte[] fast = error == null && versions != null ? fromRedis(versions, version) : null;
                if (fast != null) {
                    counters.redisFastRead();
                    answers.put(key, new Answer(seq, fast));
                    answer.complete(JsonResponses.ok(fast));
                } else {
                    blocking(subject, version, false, null).whenComplete((r, e) -> {
                        if (e != null) {
                            answer.completeExceptionally(e);
                        } else {
                            answer.complete(r);
                        }
                    });
                }
            });
        } catch (RuntimeException e) {
            return blocking(subject, version, false, null);
        }
        return answer;
    }

    /** The answer from Redis's versions and the cached schema, or null when the blocking path must decide. */
    private byte[] fromRedis(List<SubjectVersion> all, String versionText) {
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
        return schema == null || known == null ? null : JsonResponses.bytes(SchemaBodies.version(found, schema, known));
    }

    private static String extrasKey(SubjectVersion v) {
        return v.subject() + '\u0000' + v.version() + '\u0000' + v.schemaId();
    }

    /** {@code format}: Confluent's schema rendering (see {@code SchemaFormat#formatted}); null for the stored text. */
    private CompletableFuture<HttpResponse<byte[]>> blocking(String requested, String version, boolean deleted,
                                                             String format) {
        CompletableFuture<HttpResponse<byte[]>> answer = new CompletableFuture<>();
        blocking.execute(() -> {
            try {
                String subject = aliases.resolve(requested);
                SubjectVersion v = reads.version(subject, version, deleted);
                Optional<VersionExtras> found = reads.extras(subject, v.version());
                extras.put(extrasKey(v), found);
                StoredSchema schema = reads.schemaOf(v);
                java.util.Map<String, Object> body = SchemaBodies.version(v, schema, found);
                if (format != null && !format.isBlank()) {
                    body.put("schema", reads.formatted(QualifiedSubject.contextOf(subject), schema, format));
                }
                answer.complete(JsonResponses.ok(body));
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            }
        });
        return answer;
    }
}
