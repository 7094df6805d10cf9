package io.registry.api.confluent;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryException;
import io.registry.core.command.ErrorCode;
import io.registry.core.subject.QualifiedSubject;
import io.registry.api.http.RegistryMediaTypes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /contexts} (the schema contexts that have subjects, "." first), {@code /v1/metadata/id} and {@code /v1/metadata/version}
 * in Confluent's shapes.
 */
@Controller
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
public class MetadataController {
    private final io.registry.api.read.RegistryReads reads;
    private final byte[] id;
    private final byte[] version;

    public MetadataController(io.registry.api.read.RegistryReads reads,
                              @Value("${registry.api.cluster-id:schema-registry}") String clusterId,
                              @Value("${registry.api.kafka-cluster-id:}") String kafkaClusterId) {
        this.reads = reads;
        Map<String, Object> clusters = new LinkedHashMap<>();
        clusters.put("kafka-cluster", kafkaClusterId);
        clusters.put("schema-registry-cluster", clusterId);
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("path", List.of());
        scope.put("clusters", clusters);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", scope);
        body.put("id", clusterId);
        this.id = JsonResponses.bytes(body);
        String implementation = MetadataController.class.getPackage().getImplementationVersion();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", implementation == null ? "0.1.0-SNAPSHOT" : implementation);
        v.put("commitId", "");
        this.version = JsonResponses.bytes(v);
    }

    @Get("/contexts")
    @io.micronaut.scheduling.annotation.ExecuteOn(io.micronaut.scheduling.TaskExecutors.BLOCKING)
    public HttpResponse<byte[]> contexts() {
        return JsonResponses.ok(reads.contexts());
    }

    /**
     * Confluent's {@code DELETE /contexts/{context}} (8.x): 204 when the context has no subject left, soft-deleted
     * ones included (they must be deleted permanently first), else 422. Contexts exist here only through their
     * subjects, so there is nothing to write: an empty context is already gone from {@code GET /contexts}. The
     * name arrives as the context-URL rewrite spells it ({@code :.ctx:}); {@code .ctx} and {@code ctx} work too.
     */
    @Delete("/contexts/{context}")
    @io.micronaut.scheduling.annotation.ExecuteOn(io.micronaut.scheduling.TaskExecutors.BLOCKING)
    public HttpResponse<byte[]> deleteContext(@PathVariable String context) {
        String prefix;
        try {
            prefix = QualifiedSubject.normalizeContext(context);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        for (String subject : reads.subjects(true)) {
            if (prefix.isEmpty() ? QualifiedSubject.DEFAULT_CONTEXT.equals(QualifiedSubject.contextOf(subject))
                    : subject.startsWith(prefix)) {
                throw new RegistryException(ErrorCode.CONTEXT_NOT_EMPTY,
                        "Context '" + (prefix.isEmpty() ? QualifiedSubject.DEFAULT_CONTEXT : prefix) + "' is not empty");
            }
        }
        return HttpResponse.noContent();
    }

    @Get("/v1/metadata/id")
    public HttpResponse<byte[]> id() {
        return JsonResponses.ok(id);
    }

    @Get("/v1/metadata/version")
    public HttpResponse<byte[]> version() {
        return JsonResponses.ok(version);
    }
}
