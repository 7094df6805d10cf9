package io.registry.api.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import io.registry.core.access.AccessGrants;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Turns Micronaut's {@link Authentication} into the caller's {@link AccessGrants} (configured grants of its name,
 * plus a bearer token's roles on its subject prefixes) and finds the caller of the request being served.
 */
@Singleton
@Requires(property = "registry.security.enabled", value = "true")
public class Callers implements CurrentCaller {
    static final String ATTRIBUTE = "registry.caller";
    private static final AccessGrants NOBODY = new AccessGrants("unknown", List.of());

    private final SecuritySettings settings;

    public Callers(SecuritySettings settings) {
        this.settings = settings;
    }

    /** The caller's grants, computed once per request and kept on it. */
    AccessGrants of(HttpRequest<?> request, Authentication authentication) {
        Optional<AccessGrants> known = request.getAttribute(ATTRIBUTE, AccessGrants.class);
        if (known.isPresent()) {
            return known.get();
        }
        AccessGrants grants = settings.policy().grantsFor(authentication.getName(), authentication.getRoles(),
                subjectPrefixes(authentication.getAttributes().get(settings.subjectsClaim())));
        request.setAttribute(ATTRIBUTE, grants);
        return grants;
    }

    @Override
    public Optional<AccessGrants> get() {
        return Optional.of(ServerRequestContext.currentRequest()
                .flatMap(r -> r.getAttribute(ATTRIBUTE, AccessGrants.class))
                .orElse(NOBODY));
    }

    /** A list claim, or one string of comma-separated prefixes; absent → null (every subject). */
    private static List<String> subjectPrefixes(Object claim) {
        if (claim == null) {
            return null;
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of(claim.toString().split("\\s*,\\s*"));
    }
}
