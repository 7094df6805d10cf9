package io.registry.core.command;

/**
 * The sequencer's answer to one command.
 *
 * @param v   wire format version: 2 adds {@code Registered.semver} (optional; v1 replies decode without it)
 * @param seq the log sequence the caller must see applied before answering: the last event this command appended,
 *            or, when it appended nothing, the last sequence of the log at decision time
 */
public record Reply(int v, String requestId, long seq, Outcome outcome) {
    public static final int VERSION = 2;

    public static Reply of(String requestId, long seq, Outcome outcome) {
        return new Reply(VERSION, requestId, seq, outcome);
    }
}
