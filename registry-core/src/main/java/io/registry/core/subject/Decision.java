package io.registry.core.subject;

import io.registry.core.command.Outcome;
import io.registry.core.log.LogEvent;

import java.util.List;

/** What to append to the log (possibly nothing) and what to answer. */
public record Decision(List<LogEvent> events, Outcome outcome) {
    public Decision {
        events = List.copyOf(events);
    }

    public static Decision answer(Outcome outcome) {
        return new Decision(List.of(), outcome);
    }
}
