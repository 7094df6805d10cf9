package io.registry.api.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Produces;
import io.registry.core.command.ErrorCode;
import io.registry.readmodel.availability.StoreGuards;
import io.registry.readmodel.availability.StoreUnavailableException;

/**
 * A read no store could answer (both down, or the one store that holds the answer): 503 with Confluent's store
 * error code (50001, "error in the backend data store", which Confluent answers with 500: 503 tells clients and
 * load balancers that it is transient) and {@code Retry-After}: the circuit breaker's wait before it tries the
 * store again. Never a 404: an outage is not "not found".
 */
@Controller
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
public class StoreOutageHandler {
    private final String retryAfterSeconds;

    public StoreOutageHandler(StoreGuards guards) {
        long millis = guards.redis().openFor().toMillis();
        this.retryAfterSeconds = Long.toString(Math.max(1, (millis + 999) / 1000));
    }

    @Error(global = true)
    public HttpResponse<byte[]> storeUnavailable(HttpRequest<?> request, StoreUnavailableException e) {
        return JsonResponses.error(503, ErrorCode.STORE_ERROR.code(), "Store unavailable, retry later: "
                + e.getMessage()).header("Retry-After", retryAfterSeconds);
    }
}
