package io.registry.api.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Micronaut checks {@code exp} only when a token has one; a token that never expires is refused here
 * ({@code registry.security.jwt.require-expiry}, default true).
 */
@Singleton
@Requires(property = "registry.security.enabled", value = "true")
@Requires(property = "micronaut.security.token.jwt.enabled", value = "true")
@Requires(property = "registry.security.jwt.require-expiry", notEquals = "false")
public class RequireExpiryClaim implements GenericJwtClaimsValidator<HttpRequest<?>> {
    @Override
    public boolean validate(@NonNull Claims claims, @Nullable HttpRequest<?> request) {
        return claims.get("exp") != null;
    }
}
