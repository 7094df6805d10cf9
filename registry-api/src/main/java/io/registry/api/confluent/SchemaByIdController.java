package io.registry.api.confluent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.api.read.RegistryReads;
import io.registry.api.read.SchemaByIdCache;
import io.registry.readmodel.StoredSchema;
import jakarta.inject.Named;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code GET /schemas/ids/{id}}, the hottest read (every consumer resolves ids), served without blocking the
 * event loop: a hit in the in-process cache is answered on the Netty event loop from pre-serialized bytes (no
 * thread hop); a miss, or a {@code subject} filter (which needs the usages from the read model), goes to the
 * blocking executor. The other {@code /schemas/ids/{id}/…} routes are in {@link SchemasController}.
 */
@Controller("/schemas/ids/{id}")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
public class SchemaByIdController {
    private final RegistryReads reads;
    private final SchemaByIdCache cache;
    private final Executor blocking;

    public SchemaByIdController(RegistryReads reads, SchemaByIdCache cache,
                                @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.reads = reads;
        this.cache = cache;
        this.blocking = blocking;
    }

    /**
     * {@code subject} does not filter, as in Confluent's default context (the Confluent JS deserializer sends its
     * topic's subject for schemas registered under another one). {@code fetchMaxId=true} adds {@code maxId};
     * {@code format} is accepted and only the default rendering is served.
     */
    @Get
    public CompletableFuture<HttpResponse<byte[]>> byId(@PathVariable int id, @Nullable @QueryValue String subject,
                                                        @QueryValue(defaultValue = "false") boolean fetchMaxId,
                                                        @Nullable @QueryValue String format) {
        if (!fetchMaxId) {
            byte[] body = cache.cachedBody(id, SchemaByIdController::render);
            if (body != null) {
                return CompletableFuture.completedFuture(JsonResponses.ok(body));
            }
        }
        CompletableFuture<HttpResponse<byte[]>> answer = new CompletableFuture<>();
        blocking.execute(() -> {
            try {
                StoredSchema schema = reads.schema(id);
                if (fetchMaxId) {
                    java.util.Map<String, Object> body = SchemaBodies.byId(schema);
                    body.put("maxId", Math.max(id, reads.readModel().maxSchemaId()));
                    answer.complete(JsonResponses.ok(body));
                } else {
                    answer.complete(JsonResponses.ok(render(schema)));
                }
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
