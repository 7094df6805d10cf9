package io.registry.api.confluent;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryMediaTypes;

import java.util.Map;

/** {@code GET /} ({@code GET /schemas/types}: {@link SchemasController}). */
@Controller
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
public class RootController {
    @Get
    public HttpResponse<byte[]> root() {
        return JsonResponses.ok(Map.of());
    }
}
