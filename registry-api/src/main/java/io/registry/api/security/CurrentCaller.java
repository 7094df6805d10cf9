package io.registry.api.security;

import io.registry.core.access.AccessGrants;

import java.util.Optional;

/**
 * The authenticated caller of the request being served, for the layers that act on its behalf without seeing the
 * request: the read layer (lists show only what the caller may read) and the write path (its grants ride on the
 * command for the sequencer to check). {@link #NONE} when security is off.
 */
@FunctionalInterface
public interface CurrentCaller {
    CurrentCaller NONE = Optional::empty;

    /**
     * Empty when security is off. With security on, a caller that cannot be found (work outside a request) has no
     * grants: fail closed.
     */
    Optional<AccessGrants> get();
}
