package io.registry.api.confluent;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaType;

import java.util.List;
import java.util.Map;

/** {@code GET /} and {@code GET /schemas/types}. */
@Controller
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
public class RootController {
    private final byte[] types;

    public RootController(SchemaFormats formats) {
        this.types = JsonResponses.bytes(formats.supported().stream().map(SchemaType::name).sorted().toList());
    }

    @Get
    public HttpResponse<byte[]> root() {
        return JsonResponses.ok(Map.of());
    }

    @Get("/schemas/types")
    public HttpResponse<byte[]> types() {
        return JsonResponses.ok(types);
    }
}
