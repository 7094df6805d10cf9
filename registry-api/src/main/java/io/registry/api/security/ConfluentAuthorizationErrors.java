package io.registry.api.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.authentication.AuthorizationException;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.core.command.ErrorCode;

/**
 * 401 and 403 from Micronaut Security as Confluent-style bodies ({@code 40101} with a Basic challenge,
 * {@code 40301}). An {@code @Error} handler (not an {@code ExceptionHandler} bean): the registry's global
 * {@code @Error(Throwable)} handler would otherwise take the exception first.
 */
@Controller
@Requires(property = "registry.security.enabled", value = "true")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
public class ConfluentAuthorizationErrors {
    static final String CHALLENGE = "Basic realm=\"schema-registry\"";

    @Error(global = true)
    public HttpResponse<byte[]> rejected(HttpRequest<?> request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return JsonResponses.error(ErrorCode.FORBIDDEN, "Forbidden");
        }
        return JsonResponses.error(ErrorCode.UNAUTHORIZED, "Unauthorized: missing or invalid credentials")
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
}
