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
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.api.read.RegistryReads;
import io.registry.api.read.SubjectAliases;
import io.registry.api.read.SchemaByIdCache;
import io.registry.core.subject.QualifiedSubject;
import io.registry.readmodel.StoredSchema;
import jakarta.inject.Named;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code GET /schemas/ids/{id}}, the hottest read (every consumer resolves ids), served without blocking the
 * event loop: a hit in the in-process cache is answered on the Netty event loop from pre-serialized bytes (no
 * thread hop) when the request names no subject (the default schema context) and asks for no {@code format}; anything else
 * goes to the blocking executor. The other {@code /schemas/ids/{id}/…} routes are in {@link SchemasController}.
 */
@Controller("/schemas/ids/{id}")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
public class SchemaByIdController {
    private final RegistryReads reads;
    private final SubjectAliases aliases;
    private final SchemaByIdCache cache;
    private final Executor blocking;

    public SchemaByIdController(RegistryReads reads, SchemaByIdCache cache,
                                @Named(TaskExecutors.BLOCKING) Executor blocking, SubjectAliases aliases) {
        this.reads = reads;
        this.aliases = aliases;
        this.cache = cache;
        this.blocking = blocking;
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
    @Get
    public CompletableFuture<HttpResponse<byte[]>> byId(@PathVariable int id, @Nullable @QueryValue String subject,
                                                        @QueryValue(defaultValue = "false") boolean fetchMaxId,
                                                        @Nullable @QueryValue String format) {
        boolean plain = (format == null || format.isBlank()) && !fetchMaxId;
        if (plain && (subject == null || subject.isEmpty())) {
            // only without a subject: an unqualified one may mean a named context (see RegistryReads#locate)
            byte[] body = cache.cachedBody(id, SchemaByIdController::render);
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
                Map<String, Object> body = SchemaBodies.byId(found.schema());
                if (format != null && !format.isBlank()) {
                    body.put("schema", reads.formatted(found.context(), found.schema(), format));
                }
                if (fetchMaxId) {
                    body.put("maxId", Math.max(id, reads.maxSchemaId(found.context())));
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
}
