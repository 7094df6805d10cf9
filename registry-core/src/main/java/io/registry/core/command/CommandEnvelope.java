package io.registry.core.command;

/**
 * What travels on the commands topic: the command plus who asked, a correlation id for the reply, and a deadline
 * after which the sequencer drops the command (the caller has given up; acting late would surprise it).
 *
 * @param v wire format version of this envelope
 */
public record CommandEnvelope(int v, String requestId, String principal, long deadlineEpochMs, Command command) {
    public static final int VERSION = 1;

    public static CommandEnvelope of(String requestId, String principal, long deadlineEpochMs, Command command) {
        return new CommandEnvelope(VERSION, requestId, principal, deadlineEpochMs, command);
    }
}
