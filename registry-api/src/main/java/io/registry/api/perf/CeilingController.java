package io.registry.api.perf;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.registry.api.http.JsonResponses;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /perf/ceiling}: a constant answered on the Netty event loop, through the same Micronaut routing and
 * filter chain as every other route. The perf harness ({@code perf/run}) measures it in the same run as a real
 * endpoint to get the ceiling ratio. Off unless {@code registry.perf.ceiling-endpoint=true}.
 */
@Controller("/perf")
@Requires(property = "registry.perf.ceiling-endpoint", value = "true")
public class CeilingController {
    /** About the size of a small schema-by-id answer, so the ceiling is not flattered by a tiny body. */
    private static final byte[] BODY = ("{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Ceiling\\\","
            + "\\\"fields\\\":[{\\\"name\\\":\\\"f\\\",\\\"type\\\":\\\"string\\\"}]}\"}").getBytes(StandardCharsets.UTF_8);

    @Get("/ceiling")
    @Produces({"application/vnd.schemaregistry.v1+json", "application/json", "*/*"})
    public HttpResponse<byte[]> ceiling() {
        return JsonResponses.ok(BODY);
    }
}
