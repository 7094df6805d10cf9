package io.registry.core.access;

import io.registry.core.command.Command;

import java.util.Optional;

/**
 * The sequencer's authorization rule: which operation on which subject (or scope) each command needs, and whether
 * the grants riding on it allow that. The API checks the same before it sends a command; the sequencer checks
 * again so that a command produced around the API (or by an API node with a bug) cannot write what its sender may
 * not.
 */
public final class CommandAccess {
    private CommandAccess() {
    }

    /** What a command needs: {@code operation} on {@code scope} (a subject, {@code :.ctx:}, or "" for global). */
    public record Requirement(Operation operation, String scope) {
        public String describe() {
            return operation.wireName() + " on " + (scope.isEmpty() ? "the global scope" : "'" + scope + "'");
        }
    }

    public static Requirement required(Command command) {
        if (command instanceof Command.RegisterSchema c) {
            return new Requirement(Operation.REGISTER, scope(c.subject()));
        } else if (command instanceof Command.DeleteSubject c) {
            return new Requirement(Operation.DELETE, scope(c.subject()));
        } else if (command instanceof Command.DeleteVersion c) {
            return new Requirement(Operation.DELETE, scope(c.subject()));
        } else if (command instanceof Command.UpdateConfig c) {
            return new Requirement(Operation.CONFIG, scope(c.subject()));
        } else if (command instanceof Command.DeleteConfig c) {
            return new Requirement(Operation.CONFIG, scope(c.subject()));
        } else if (command instanceof Command.UpdateMode c) {
            return new Requirement(Operation.MODE, scope(c.subject()));
        } else if (command instanceof Command.DeleteMode c) {
            return new Requirement(Operation.MODE, scope(c.subject()));
        }
        throw new IllegalArgumentException("No access rule for " + command.getClass().getSimpleName());
    }

    /** Empty when {@code grants} allow the command; else why not (the message of the 40301 reply). */
    public static Optional<String> denial(Command command, AccessGrants grants) {
        Requirement needed = required(command);
        if (grants != null && grants.permits(needed.operation(), needed.scope())) {
            return Optional.empty();
        }
        String who = grants == null || grants.principal() == null ? "The caller" : "User '" + grants.principal() + "'";
        return Optional.of(who + " is not authorized to " + needed.describe());
    }

    private static String scope(String subject) {
        return subject == null ? SubjectPattern.GLOBAL_SCOPE : subject;
    }
}
