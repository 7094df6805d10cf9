package io.registry.api.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.registry.api.http.JsonResponses;
import io.registry.core.command.ErrorCode;
import jakarta.inject.Singleton;

/** 401 and 403 as Confluent-style bodies ({@code 40101}, {@code 40301}) instead of Micronaut's. */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
@Requires(property = "registry.security.enabled", value = "true")
public class ConfluentAuthorizationErrors
        implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
    static final String CHALLENGE = "Basic realm=\"schema-registry\"";

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return forbidden("Forbidden");
        }
        return unauthorized();
    }

    static MutableHttpResponse<byte[]> unauthorized() {
        return JsonResponses.error(ErrorCode.UNAUTHORIZED, "Unauthorized: missing or invalid credentials")
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }

    static MutableHttpResponse<byte[]> forbidden(String message) {
        return JsonResponses.error(ErrorCode.FORBIDDEN, message);
    }
}
