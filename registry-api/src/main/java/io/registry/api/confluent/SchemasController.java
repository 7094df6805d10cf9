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
import io.registry.api.http.RegistryMediaTypes;
import io.registry.api.read.RegistryReads;
import io.registry.api.read.SchemaByIdCache;
import io.registry.api.read.SubjectAliases;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaType;
import io.registry.core.subject.QualifiedSubject;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The {@code /schemas} family: the list of every subject version, the supported types, and schemas by global id
 * ({@code /schemas/ids/{id}[/schema|/subjects|/versions]}).
 *
 * <p>{@code GET /schemas/ids/{id}} is the hottest read (every consumer resolves ids) and is served without blocking
 * the event loop: a hit in the in-process cache ({@link SchemaByIdCache}) is answered on the Netty event loop from
 * pre-serialized bytes (no thread hop) when the request names no subject (the default schema context) and asks for
 * no {@code format}; anything else goes to the blocking executor, as do the other routes.
 */
@Controller("/schemas")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
public class SchemasController {
    private final RegistryReads reads;
    private final SubjectAliases aliases;
    private final SchemaByIdCache cache;
    private final Executor blocking;
    private final byte[] types;

    public SchemasController(RegistryReads reads, SchemaByIdCache cache,
                             @Named(TaskExecutors.BLOCKING) Executor blocking, SubjectAliases aliases,
                             SchemaFormats formats) {
        this.reads = reads;
        this.aliases = aliases;
        this.cache = cache;
        this.blocking = blocking;
        this.types = JsonResponses.bytes(formats.supported().stream().map(SchemaType::name).sorted().toList());
    }

    /**
     * Every subject version as Confluent's schema object, ordered by subject then version; {@code subjectPrefix},
     * {@code deleted}, {@code latestOnly}, {@code offset}/{@code limit}.
     */
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get
    public HttpResponse<byte[]> list(@Nullable @QueryValue String subjectPrefix,
                                     @QueryValue(defaultValue = "false") boolean deleted,
                                     @QueryValue(defaultValue = "false") boolean latestOnly,
                                     @QueryValue(defaultValue = "0") int offset,
                                     @QueryValue(defaultValue = "-1") int limit) {
        List<SubjectVersion> selected = new ArrayList<>();
        for (String subject : reads.subjects(deleted)) {
            if (!Paging.matches(subject, subjectPrefix)) {
                continue;
            }
            List<SubjectVersion> versions = reads.allVersions(subject).stream()
                    .filter(v -> deleted || !v.deleted()).toList();
            if (versions.isEmpty()) {
                continue;
            }
            selected.addAll(latestOnly ? List.of(versions.get(versions.size() - 1)) : versions);
        }
        List<SchemaBodies.Version> bodies = new ArrayList<>();
        for (SubjectVersion v : Paging.page(selected, offset, limit)) {
            bodies.add(SchemaBodies.version(v, reads.schemaOf(v)));
        }
        return JsonResponses.ok(bodies);
    }

    @Get("/types")
    public HttpResponse<byte[]> types() {
        return JsonResponses.ok(types);
    }

    /**
     * {@code subject} picks the schema context, as Confluent does: a qualified {@code :.ctx:s} looks the id up in
     * {@code .ctx} (and {@code s} must use it; {@code :.ctx:} alone is any subject of the context); an unqualified
     * or empty one is the default context (not a filter there: the Confluent JS deserializer sends its topic's
     * subject for schemas registered under another one), falling back to the contexts where that subject uses the
     * id when the default context has no such id. {@code fetchMaxId=true} adds {@code maxId} (of the context);
     * {@code format} renders the schema (Avro {@code resolved}, Protobuf {@code serialized},
     * {@code ignore_extensions}; unknown formats give the stored text, as in Confluent).
     */
    @Get("/ids/{id}")
    public CompletableFuture<HttpResponse<byte[]>> byId(@PathVariable int id, @Nullable @QueryValue String subject,
                                                        @QueryValue(defaultValue = "false") boolean fetchMaxId,
                                                        @Nullable @QueryValue String format) {
        boolean plain = (format == null || format.isBlank()) && !fetchMaxId;
        if (plain && (subject == null || subject.isEmpty())) {
            // only without a subject: an unqualified one may mean a named context (see RegistryReads#locate)
            byte[] body = cache.cachedBody(id, SchemasController::render);
            if (body != null) {
                return CompletableFuture.completedFuture(JsonResponses.ok(body));
            }
        }
        CompletableFuture<HttpResponse<byte[]>> answer = new CompletableFuture<>();
        blocking.execute(() -> {
            try {
                RegistryReads.Located found = reads.locate(id, aliases.resolve(subject));
                if (plain && found.context().equals(QualifiedSubject.DEFAULT_CONTEXT)) {
                    answer.complete(JsonResponses.ok(render(found.schema())));
                    return;
                }
                SchemaBodies.ById body = SchemaBodies.byId(found.schema());
                if (format != null && !format.isBlank()) {
                    body = body.withSchema(reads.formatted(found.context(), found.schema(), format));
                }
                if (fetchMaxId) {
                    body = body.withMaxId(Math.max(id, reads.maxSchemaId(found.context())));
                }
                answer.complete(JsonResponses.ok(body));
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            }
        });
        return answer;
    }

    private static byte[] render(StoredSchema schema) {
        return JsonResponses.bytes(SchemaBodies.byId(schema));
    }

    /**
     * The schema text alone. {@code subject} picks the schema context as on {@code GET /schemas/ids/{id}}
     * ({@link RegistryReads#locate}); {@code format} renders it the same way.
     */
    @Get("/ids/{id}/schema")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<byte[]> rawById(@PathVariable int id, @Nullable @QueryValue String subject,
                                        @Nullable @QueryValue String format) {
        RegistryReads.Located found = reads.locate(id, subject);
        String text = reads.formatted(found.context(), found.schema(), format);
        return JsonResponses.ok(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The subjects using the id in the context {@code subject} picks (Confluent's {@code listSubjectsForId}), paged
     * by {@code offset}/{@code limit} as Confluent's other lists ({@link Paging}).
     */
    @Get("/ids/{id}/subjects")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<byte[]> subjects(@PathVariable int id, @Nullable @QueryValue String subject,
                                         @QueryValue(defaultValue = "false") boolean deleted,
                                         @QueryValue(defaultValue = "0") int offset,
                                         @QueryValue(defaultValue = "-1") int limit) {
        List<String> subjects = usages(id, subject, deleted).stream().map(SubjectVersion::subject).distinct().sorted()
                .toList();
        return JsonResponses.ok(Paging.page(subjects, offset, limit));
    }

    /** The subject versions using the id in the context {@code subject} picks ({@code listVersionsForId}), paged. */
    @Get("/ids/{id}/versions")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<byte[]> versions(@PathVariable int id, @Nullable @QueryValue String subject,
                                         @QueryValue(defaultValue = "false") boolean deleted,
                                         @QueryValue(defaultValue = "0") int offset,
                                         @QueryValue(defaultValue = "-1") int limit) {
        return JsonResponses.ok(Paging.page(usages(id, subject, deleted), offset, limit).stream()
                .map(SchemaBodies::subjectVersion).toList());
    }

    private List<SubjectVersion> usages(int id, String subject, boolean includeDeleted) {
        String context = reads.locate(id, subject).context();
        return reads.usagesOf(context, id).stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }
}
