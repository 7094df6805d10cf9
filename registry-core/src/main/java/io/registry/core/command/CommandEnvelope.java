package io.registry.core.command;

import io.registry.core.access.AccessGrants;

/**
 * What travels on the commands topic: the command plus who asked, a correlation id for the reply, and a deadline
 * after which the sequencer drops the command (the caller has given up; acting late would surprise it).
 *
 * @param v      wire format version of this envelope and its command: 1 before semantic versions; 2 adds
 *               {@code RegisterSchema.semver} (optional: a v1 command decodes as a v2 one without it). A sequencer
 *               refuses a command of a later format than it knows ({@link CommandCodec#decodeCommand}) rather than
 *               drop fields it cannot see
 * @param access the caller's grants when security is on (the sequencer checks the command against them); absent
 *               (null) in envelopes of nodes without security and of versions before it (an optional field: old
 *               envelopes still decode)
 */
public record CommandEnvelope(int v, String requestId, String principal, long deadlineEpochMs, Command command,
                              AccessGrants access) {
    public static final int VERSION = 2;

    public static CommandEnvelope of(String requestId, String principal, long deadlineEpochMs, Command command) {
        return of(requestId, principal, deadlineEpochMs, command, null);
    }

    public static CommandEnvelope of(String requestId, String principal, long deadlineEpochMs, Command command,
                                     AccessGrants access) {
        return new CommandEnvelope(VERSION, requestId, principal, deadlineEpochMs, command, access);
    }
}
