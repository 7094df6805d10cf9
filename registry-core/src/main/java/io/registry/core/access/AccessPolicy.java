package io.registry.core.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configured authorization model: role definitions (the built-in {@code reader}, {@code writer}, {@code admin}
 * plus custom ones) and the grants given to named principals. Turns an authenticated caller — its name, and for a
 * bearer token the roles and subject prefixes its claims carry — into its {@link AccessGrants}.
 */
public final class AccessPolicy {
    /** Built-in roles; configuration may add roles, and may redefine these. */
    public static final Map<String, Set<Operation>> BUILT_IN_ROLES = Map.of(
            "reader", EnumSet.of(Operation.READ),
            "writer", EnumSet.of(Operation.READ, Operation.REGISTER, Operation.DELETE),
            "admin", EnumSet.allOf(Operation.class));

    /** A configured grant: {@code roles} on {@code subjects} (glob patterns; none = every subject) for a principal. */
    public record PrincipalGrant(String principal, List<String> roles, List<String> subjects) {
        public PrincipalGrant {
            roles = roles == null ? List.of() : List.copyOf(roles);
            subjects = subjects == null || subjects.isEmpty() ? List.of(SubjectPattern.EVERYTHING.glob())
                    : List.copyOf(subjects);
        }
    }

    private final Map<String, Set<Operation>> roles;
    private final List<PrincipalGrant> grants;

    public AccessPolicy(Map<String, Set<Operation>> customRoles, List<PrincipalGrant> grants) {
        Map<String, Set<Operation>> all = new LinkedHashMap<>(BUILT_IN_ROLES);
        if (customRoles != null) {
            all.putAll(customRoles);
        }
        this.roles = Map.copyOf(all);
        this.grants = grants == null ? List.of() : List.copyOf(grants);
        for (PrincipalGrant grant : this.grants) {
            for (String role : grant.roles()) {
                requireRole(role);
            }
        }
    }

    public Set<String> roleNames() {
        return roles.keySet();
    }

    /**
     * The grants of a caller: those configured for {@code principal}, plus each of {@code tokenRoles} (roles a
     * bearer token's claims carry) on {@code tokenSubjectPrefixes} — every subject when that claim is absent
     * (null). Unknown token roles grant nothing (a token may carry roles of other applications).
     */
    public AccessGrants grantsFor(String principal, Collection<String> tokenRoles, List<String> tokenSubjectPrefixes) {
        List<Grant> result = new ArrayList<>();
        for (PrincipalGrant grant : grants) {
            if (grant.principal().equals(principal)) {
                for (String role : grant.roles()) {
                    result.add(new Grant(role, roles.get(role), grant.subjects()));
                }
            }
        }
        if (tokenRoles != null && !tokenRoles.isEmpty()) {
            List<String> patterns = tokenSubjectPrefixes == null
                    ? List.of(SubjectPattern.EVERYTHING.glob())
                    : tokenSubjectPrefixes.stream().map(p -> SubjectPattern.prefix(p).glob()).toList();
            for (String role : tokenRoles) {
                if (roles.containsKey(role)) {
                    result.add(new Grant(role, roles.get(role), patterns));
                }
            }
        }
        return new AccessGrants(principal, result);
    }

    private void requireRole(String role) {
        if (!roles.containsKey(role)) {
            throw new IllegalArgumentException("Unknown role '" + role + "' (known: " + roles.keySet() + ")");
        }
    }
}
