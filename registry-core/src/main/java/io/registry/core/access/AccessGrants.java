package io.registry.core.access;

import java.util.List;

/**
 * Who is asking and everything they were granted. An authenticated caller with no grant may do nothing but the
 * requests that need no subject (server metadata, global config/mode reads).
 *
 * @param principal the authenticated name (a Basic user, a JWT's {@code sub}, a client certificate's CN)
 * @param grants    every grant that applies to this principal
 */
public record AccessGrants(String principal, List<Grant> grants) {
    public AccessGrants {
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    /** Whether some grant allows {@code operation} on {@code subject} (null: the global scope). */
    public boolean permits(Operation operation, String subject) {
        for (Grant grant : grants) {
            if (grant.permits(operation, subject)) {
                return true;
            }
        }
        return false;
    }

    /** Reading is filtered, never refused as a whole: lists show the subjects this answers true for. */
    public boolean mayRead(String subject) {
        return permits(Operation.READ, subject);
    }
}
