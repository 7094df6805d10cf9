package io.registry.api.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import io.registry.core.access.AccessPolicy;
import io.registry.core.access.Operation;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code registry.security.*}: who may do what. Authentication mechanisms themselves are Micronaut Security's
 * settings ({@code micronaut.security.*}, {@code micronaut.server.ssl.*}); see README "Security".
 * <pre>
 * registry.security:
 *   enabled: true
 *   users-file: users.htpasswd          # name:bcrypt-or-argon2-hash lines, for HTTP Basic
 *   open-paths: [/health, /health/ready, /metrics]
 *   roles: {auditor: [read, config]}    # custom roles (reader, writer, admin are built in)
 *   grants:
 *     - {principal: team-a, roles: [writer], subjects: ["team-a.*"]}
 *   jwt.subjects-claim: subjects        # a token's subject prefixes (its roles: micronaut.security.token.roles-name)
 * </pre>
 */
@Singleton
@Requires(property = "registry.security.enabled", value = "true")
public final class SecuritySettings {
    public static final List<String> DEFAULT_OPEN_PATHS = List.of("/health", "/health/ready", "/metrics");

    private final List<String> openPaths;
    private final Optional<Path> usersFile;
    private final AccessPolicy policy;
    private final String subjectsClaim;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public SecuritySettings(Environment env) {
        this.openPaths = env.getProperty("registry.security.open-paths", Argument.listOf(String.class))
                .orElse(DEFAULT_OPEN_PATHS);
        this.usersFile = env.getProperty("registry.security.users-file", String.class)
                .filter(s -> !s.isBlank()).map(Path::of);
        this.subjectsClaim = env.getProperty("registry.security.jwt.subjects-claim", String.class).orElse("subjects");
        Map<String, Set<Operation>> roles = new LinkedHashMap<>();
        env.getProperty("registry.security.roles", Map.class).ifPresent(map -> ((Map<String, Object>) map)
                .forEach((name, ops) -> {
                    if (ops instanceof List<?> list && !name.contains("[")) {
                        roles.put(name, list.stream().map(o -> Operation.parse(String.valueOf(o)))
                                .collect(Collectors.toSet()));
                    }
                }));
        List<AccessPolicy.PrincipalGrant> grants = new ArrayList<>();
        for (Map grant : env.getProperty("registry.security.grants", Argument.listOf(Map.class)).orElse(List.of())) {
            Object principal = grant.get("principal");
            if (principal == null) {
                throw new IllegalArgumentException("registry.security.grants: every grant needs a principal: " + grant);
            }
            grants.add(new AccessPolicy.PrincipalGrant(principal.toString(), strings(grant.get("roles")),
                    strings(grant.get("subjects"))));
        }
        this.policy = new AccessPolicy(roles, grants);
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(value.toString().split("\\s*,\\s*"));
    }

    public boolean isOpen(String path) {
        return openPaths.contains(path);
    }

    public Optional<Path> usersFile() {
        return usersFile;
    }

    public AccessPolicy policy() {
        return policy;
    }

    public String subjectsClaim() {
        return subjectsClaim;
    }
}
