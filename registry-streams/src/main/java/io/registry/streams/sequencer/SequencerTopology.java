package io.registry.streams.sequencer;

import io.registry.core.subject.RegistryStateMachine;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;

import java.util.function.Supplier;

/**
 * commands topic → sequencer processor → log topic + replies topic + audit topic. The processor has no state store:
 * its index lives on the heap and is rebuilt from the log whenever its task starts (see {@link SequencerProcessor}),
 * so a transaction carries the command's offset, its log and audit records and its reply, and nothing else.
 */
public final class SequencerTopology {
    static final String LOG_SINK = "log";
    static final String REPLY_SINK = "replies";
    static final String AUDIT_SINK = "audit";

    private SequencerTopology() {
    }

    /**
     * @param machines a new state machine each time the sequencer's task is (re)initialised: its cache of parsed
     *                 schemas by id must not keep one decided in a transaction that was then aborted
     */
    public static Topology build(SequencerSettings settings, Supplier<RegistryStateMachine> machines) {
        Topology topology = new Topology();
        topology.addSource("commands", new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                settings.layout().commands());
        topology.addProcessor("sequencer", () -> new SequencerProcessor(settings, machines), "commands");
        topology.addSink(LOG_SINK, settings.layout().log(), new ByteArraySerializer(), new ByteArraySerializer(),
                "sequencer");
        topology.addSink(REPLY_SINK, settings.layout().replies(), new ByteArraySerializer(),
                new ByteArraySerializer(), "sequencer");
        // The audit chain's copy of every log record, in the same transaction as the record itself.
        topology.addSink(AUDIT_SINK, settings.layout().audit(), new ByteArraySerializer(),
                new ByteArraySerializer(), "sequencer");
        return topology;
    }
}
