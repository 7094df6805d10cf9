package io.registry.api.confluent;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryMediaTypes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code /v1/metadata} family: {@code id} and {@code version} in Confluent's shapes (fixed at start). */
@Controller("/v1/metadata")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
public class MetadataController {
    private final byte[] id;
    private final byte[] version;

    public MetadataController(@Value("${registry.api.cluster-id:schema-registry}") String clusterId,
                              @Value("${registry.api.kafka-cluster-id:}") String kafkaClusterId) {
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

    @Get("/id")
    public HttpResponse<byte[]> id() {
        return JsonResponses.ok(id);
    }

    @Get("/version")
    public HttpResponse<byte[]> version() {
        return JsonResponses.ok(version);
    }
}
