package io.registry.core.subject;

/** One version of a subject as the sequencer indexes it. */
public record IndexedVersion(int version, int id, boolean deleted) {
}
