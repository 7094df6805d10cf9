package io.registry.streams.sequencer;

import io.registry.core.command.CommandCodec;
import io.registry.core.command.CommandEnvelope;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.command.Reply;
import io.registry.core.log.LogEvent;
import io.registry.core.log.LogRecordCodec;
import io.registry.kafka.LogRecordHeaders;
import io.registry.core.subject.Decision;
import io.registry.core.subject.RegistryStateMachine;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Decides one command at a time: appends its events to the log and its reply, which Kafka Streams commits in one
 * transaction together with the index changes ({@code exactly_once_v2}). A rejected command writes only a reply.
 */
final class SequencerProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(SequencerProcessor.class);

    private final SequencerSettings settings;
    private final RegistryStateMachine machine;
    private ProcessorContext<byte[], byte[]> context;
    private StoreRegistryIndex index;

    SequencerProcessor(SequencerSettings settings, RegistryStateMachine machine) {
        this.settings = settings;
        this.machine = machine;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        KeyValueStore<String, String> store = context.getStateStore(SequencerTopology.INDEX_STORE);
        this.index = new StoreRegistryIndex(store, settings.region().ownEpoch().idFloor());
    }

    @Override
    public void process(Record<byte[], byte[]> command) {
        if (!index.bootstrapped()) {
            LogReplay.replay(settings.bootstrapServers(), settings.layout().log(), machine, index);
        }
        CommandEnvelope envelope;
        try {
            envelope = CommandCodec.decodeCommand(command.value());
        } catch (IllegalArgumentException e) {
            String requestId = command.key() == null ? null : new String(command.key(), StandardCharsets.UTF_8);
            LOG.warn("Unreadable command {}: {}", requestId, e.getMessage());
            if (requestId != null) {
                reply(requestId, index.lastSeq(), Outcome.Rejected.of(ErrorCode.BAD_REQUEST,
                        "Unreadable command: " + e.getMessage()));
            }
            return;
        }
        var superseded = settings.region().supersededReason();
        if (superseded.isPresent()) {
            reply(envelope.requestId(), index.lastSeq(), Outcome.Rejected.of(ErrorCode.REQUEST_FORWARDING_FAILED,
                    superseded.get()));
            return;
        }
        long now = System.currentTimeMillis();
        if (envelope.deadlineEpochMs() > 0 && now > envelope.deadlineEpochMs()) {
            // The caller has given up waiting; acting now would surprise whoever retries.
            reply(envelope.requestId(), index.lastSeq(), Outcome.Rejected.of(ErrorCode.OPERATION_TIMEOUT,
                    "The command expired before the sequencer reached it; nothing was written"));
            return;
        }
        Decision decision = machine.decide(envelope.command(), index);
        long seq = index.lastSeq();
        for (LogEvent event : decision.events()) {
            seq++;
            machine.apply(event, index);
            index.putLastSeq(seq);
            context.forward(logRecord(event, seq, envelope, now), SequencerTopology.LOG_SINK);
        }
        reply(envelope.requestId(), seq, decision.outcome());
    }

    private static Record<byte[], byte[]> logRecord(LogEvent event, long seq, CommandEnvelope envelope, long now) {
        return new Record<>(LogRecordCodec.encodeKey(event.key()), LogRecordCodec.encodeValue(event.value()), now,
                LogRecordHeaders.of(seq, envelope.requestId(), envelope.principal(), now));
    }

    private void reply(String requestId, long seq, Outcome outcome) {
        byte[] value = CommandCodec.encode(Reply.of(requestId, seq, outcome));
        context.forward(new Record<>(utf8(requestId), value, System.currentTimeMillis(), new RecordHeaders()),
                SequencerTopology.REPLY_SINK);
    }

    private static byte[] utf8(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }
}
