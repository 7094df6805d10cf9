package io.registry.api.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Micronaut Security's gate: the open paths (health, metrics) for anyone, everything else for authenticated callers
 * only (401 otherwise). What an authenticated caller may do is {@link AccessFilter}'s business. Runs after
 * Micronaut's own rules (which abstain on routes without {@code @Secured}).
 */
@Singleton
@Requires(property = "registry.security.enabled", value = "true")
public class AuthenticatedOrOpenRule implements SecurityRule<HttpRequest<?>> {
    private final SecuritySettings settings;

    public AuthenticatedOrOpenRule(SecuritySettings settings) {
        this.settings = settings;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request,
                                               @Nullable Authentication authentication) {
        if (request != null && settings.isOpen(request.getPath())) {
            return Mono.just(SecurityRuleResult.ALLOWED);
        }
        return Mono.just(authentication != null ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    @Override
    public int getOrder() {
        return 100;
    }
}
