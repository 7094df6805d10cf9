package io.registry.api.write;

import io.registry.core.command.Outcome;

/**
 * An accepted write. {@code visible} is false when the region's projections had not applied {@code seq} within
 * the wait bound: the write is durable on the log, but a read elsewhere may not show it yet.
 */
public record WriteResult(Outcome outcome, long seq, boolean visible) {
}
