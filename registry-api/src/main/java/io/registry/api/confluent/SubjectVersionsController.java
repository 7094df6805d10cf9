package io.registry.api.confluent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryException;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.api.read.RegistryReads;
import io.registry.api.read.SubjectAliases;
import io.registry.api.read.SubjectVersionFastPath;
import io.registry.core.subject.QualifiedSubject;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;
import io.registry.readmodel.VersionExtras;
import jakarta.inject.Named;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The {@code /subjects} family, reading a subject's versions: the version list, one version (its schema alone
 * too), what references it, the newest with given metadata. Every route runs on the blocking executor except
 * {@code GET /subjects/{s}/versions/{v}}, which first tries the non-blocking {@link SubjectVersionFastPath} on the
 * event loop (issue 4).
 */
@Controller("/subjects")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
public class SubjectVersionsController {

    private final RegistryReads reads;
    private final SubjectAliases aliases;
    private final SubjectVersionFastPath fastPath;
    private final Executor blocking;

    public SubjectVersionsController(RegistryReads reads, SubjectAliases aliases, SubjectVersionFastPath fastPath,
                                     @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.reads = reads;
        this.aliases = aliases;
        this.fastPath = fastPath;
        this.blocking = blocking;
    }

    /**
     * {@code deleted} includes soft-deleted versions, {@code deletedOnly} lists only those, {@code deletedAsNegative}
     * (with {@code deleted}) lists soft-deleted versions as negative numbers; {@code offset}/{@code limit}.
     */
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/{subject}/versions")
    public HttpResponse<byte[]> versions(@PathVariable String subject,
                                         @QueryValue(defaultValue = "false") boolean deleted,
                                         @QueryValue(defaultValue = "false") boolean deletedOnly,
                                         @QueryValue(defaultValue = "false") boolean deletedAsNegative,
                                         @QueryValue(defaultValue = "0") int offset,
                                         @QueryValue(defaultValue = "-1") int limit) {
        subject = aliases.resolve(subject);
        List<Integer> numbers = SubjectListings.versionNumbers(reads.versions(subject, deleted || deletedOnly),
                deletedOnly, deletedAsNegative);
        return JsonResponses.ok(Paging.page(numbers, offset, limit));
    }

    /** Ids of the live schemas that reference this version. */
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/{subject}/versions/{version}/referencedby")
    public HttpResponse<byte[]> referencedBy(@PathVariable String subject, @PathVariable String version,
                                             @QueryValue(defaultValue = "false") boolean deleted) {
        subject = aliases.resolve(subject);
        SubjectVersion v = reads.version(subject, version, deleted);
        return JsonResponses.ok(reads.referencedBy(subject, v.version()));
    }

    /**
     * Confluent's {@code getLatestWithMetadata}: the newest version whose {@code metadata.properties} hold every
     * {@code key}/{@code value} pair ({@link MetadataQuery}), scanning soft-deleted versions too with
     * {@code deleted}; 40401 without such a subject, 40403 when no version matches.
     */
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/{subject}/metadata")
    public HttpResponse<byte[]> latestWithMetadata(@PathVariable String subject,
                                                   @Nullable @QueryValue("key") List<String> key,
                                                   @Nullable @QueryValue("value") List<String> value,
                                                   @QueryValue(defaultValue = "false") boolean deleted,
                                                   @Nullable @QueryValue String format) {
        MetadataQuery query = MetadataQuery.of(key, value);
        MetadataQuery.Match match = query.newestMatching(reads.versions(subject, deleted),
                n -> reads.extras(subject, n)).orElseThrow(RegistryException::schemaNotFound);
        StoredSchema schema = reads.schemaOf(match.version());
        return JsonResponses.ok(formatted(SchemaBodies.version(match.version(), schema,
                Optional.of(match.extras())), subject, schema, format));
    }

    /** {@code latest}, {@code -1} or a number; {@code format}: Confluent's schema rendering. */
    @Get("/{subject}/versions/{version}")
    public CompletableFuture<HttpResponse<byte[]>> version(@PathVariable String subject, @PathVariable String version,
                                                           @QueryValue(defaultValue = "false") boolean deleted,
                                                           @Nullable @QueryValue String format) {
        if (deleted || (format != null && !format.isBlank()) || !fastPath.enabled()) {
            return blockingVersion(subject, version, deleted, format);
        }
        return fastPath.answer(subject, version, SubjectVersionsController::render).thenCompose(fast -> fast != null
                ? CompletableFuture.completedFuture(JsonResponses.ok(fast))
                : blockingVersion(subject, version, false, null));
    }

    private static byte[] render(SubjectVersion v, StoredSchema schema, Optional<VersionExtras> extras) {
        return JsonResponses.bytes(SchemaBodies.version(v, schema, extras));
    }

    /** The version through {@link RegistryReads} (Redis, then Postgres, Confluent's errors) on the blocking executor. */
    private CompletableFuture<HttpResponse<byte[]>> blockingVersion(String requested, String version, boolean deleted,
                                                                    String format) {
        CompletableFuture<HttpResponse<byte[]>> answer = new CompletableFuture<>();
        blocking.execute(() -> {
            try {
                String subject = aliases.resolve(requested);
                SubjectVersion v = reads.version(subject, version, deleted);
                Optional<VersionExtras> found = reads.extras(subject, v.version());
                fastPath.remember(v, found);
                StoredSchema schema = reads.schemaOf(v);
                answer.complete(JsonResponses.ok(formatted(SchemaBodies.version(v, schema, found), subject, schema,
                        format)));
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            }
        });
        return answer;
    }

    /** The body with the schema in Confluent's {@code format} rendering, when one is asked for. */
    private SchemaBodies.Version formatted(SchemaBodies.Version body, String subject, StoredSchema schema,
                                           String format) {
        if (format == null || format.isBlank()) {
            return body;
        }
        return body.withSchema(reads.formatted(QualifiedSubject.contextOf(subject), schema, format));
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/{subject}/versions/{version}/schema")
    public HttpResponse<byte[]> rawVersion(@PathVariable String subject, @PathVariable String version,
                                           @QueryValue(defaultValue = "false") boolean deleted) {
        subject = aliases.resolve(subject);
        SubjectVersion v = reads.version(subject, version, deleted);
        return JsonResponses.ok(reads.schemaOf(v).schema().getBytes(StandardCharsets.UTF_8));
    }
}
