package io.registry.api.write;

import io.registry.core.command.Outcome;

import java.util.Set;

/**
 * An accepted write. {@code pendingProjections} names this region's projections that had not applied {@code seq}
 * when the write was answered: their store is down (not waited for), or they did not get there within the wait
 * bound. The write is durable on the log either way; a read served by a pending projection may not show it yet.
 */
public record WriteResult(Outcome outcome, long seq, Set<String> pendingProjections) {
    /** The response header telling clients about pending projections, and its value when some are. */
    public static final String PROJECTION_HEADER = "X-Registry-Projection";

    public WriteResult {
        pendingProjections = Set.copyOf(pendingProjections);
    }

    /** Every projection of this region applied the write: a read anywhere in the region sees it. */
    public boolean visible() {
        return pendingProjections.isEmpty();
    }

    /**
     * {@code X-Registry-Projection}'s value: {@code pending; stores=postgres,redis} (the projections that had not
     * applied the write, sorted), or null when all had.
     */
    public String projectionHeader() {
        return visible() ? null : "pending; stores=" + String.join(",", new java.util.TreeSet<>(pendingProjections));
    }
}
