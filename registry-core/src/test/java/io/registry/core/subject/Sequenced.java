package io.registry.core.subject;

import io.registry.core.command.Command;
import io.registry.core.log.LogEvent;

/** What the sequencer does with a command, minus Kafka: decide, then apply each event with its own sequence. */
final class Sequenced {
    private Sequenced() {
    }

    static Decision run(RegistryStateMachine machine, InMemoryIndex index, Command command) {
        Decision decision = machine.decide(command, index);
        for (LogEvent e : decision.events()) {
            machine.apply(e, index);
            index.putLastSeq(index.lastSeq() + 1);
        }
        return decision;
    }
}
