package io.registry.readmodel;

import io.registry.core.log.LogEvent;

/**
 * A decoded log record and where it sits: {@code offset} in the log topic (where a projector resumes) and the
 * registry {@code seq} (what readers wait for; unlike offsets it survives mirroring into another cluster).
 */
public record PositionedEvent(long offset, long seq, LogEvent event) {
}
