package io.registry.streams.sequencer;

import io.registry.core.access.CommandAccess;
import io.registry.core.audit.AuditChain;
import io.registry.core.audit.AuditRecord;
import io.registry.core.command.CommandCodec;
import io.registry.core.command.CommandEnvelope;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.command.Reply;
import io.registry.core.log.LogEvent;
import io.registry.core.log.LogRecordCodec;
import io.registry.kafka.LogRecordHeaders;
import io.registry.kafka.audit.AuditTopic;
import io.registry.core.log.LogHeaders;
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
import java.util.Optional;

/**
 * Decides one command at a time: appends its events to the log and its reply, which Kafka Streams commits in one
 * transaction together with the index changes ({@code exactly_once_v2}). A rejected command writes only a reply.
 * Each log record extends the audit chain: its hash rides in the record's {@code registry-hash} header, and a copy
 * goes to the uncompacted audit topic in the same transaction; the chain's head is kept in the index (same
 * transaction again), or recovered from the audit topic's last record when the index lost it.
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
        this.index = new StoreRegistryIndex(store);
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
        long now = System.currentTimeMillis();
        if (envelope.deadlineEpochMs() > 0 && now > envelope.deadlineEpochMs()) {
            // The caller has given up waiting; acting now would surprise whoever retries.
            reply(envelope.requestId(), index.lastSeq(), Outcome.Rejected.of(ErrorCode.OPERATION_TIMEOUT,
                    "The command expired before the sequencer reached it; nothing was written"));
            return;
        }
        if (envelope.access() != null || settings.requireGrants()) {
            Optional<String> denial = CommandAccess.denial(envelope.command(), envelope.access());
            if (denial.isPresent()) {
                LOG.warn("Refused command {} of {}: {}", envelope.requestId(), envelope.principal(), denial.get());
                reply(envelope.requestId(), index.lastSeq(), Outcome.Rejected.of(ErrorCode.FORBIDDEN, denial.get()));
                return;
            }
        }
        chainHead(); // first: resuming the chain from the audit topic may move lastSeq forward
        Decision decision = machine.decide(envelope.command(), index);
        long seq = index.lastSeq();
        for (LogEvent event : decision.events()) {
            seq++;
            machine.apply(event, index);
            index.putLastSeq(seq);
            forwardAudited(event, seq, envelope, now);
        }
        reply(envelope.requestId(), seq, decision.outcome());
    }

    /** The log record with its chain hash, and its copy on the audit topic. */
    private void forwardAudited(LogEvent event, long seq, CommandEnvelope envelope, long now) {
        byte[] key = LogRecordCodec.encodeKey(event.key());
        byte[] value = LogRecordCodec.encodeValue(event.value());
        String previous = chainHead();
        AuditRecord unsigned = new AuditRecord(seq, envelope.requestId(), envelope.principal(), now, utf8Text(key),
                utf8Text(value), previous, null);
        String hash = AuditChain.next(previous, unsigned.entry());
        AuditRecord audit = new AuditRecord(seq, envelope.requestId(), envelope.principal(), now, unsigned.key(),
                unsigned.value(), previous, hash);
        context.forward(new Record<>(key, value, now,
                LogRecordHeaders.of(seq, envelope.requestId(), envelope.principal(), now, hash)),
                SequencerTopology.LOG_SINK);
        context.forward(new Record<>(LogHeaders.encodeLong(seq), audit.encode(), now, new RecordHeaders()),
                SequencerTopology.AUDIT_SINK);
        index.putLastHash(hash);
    }

    /**
     * The index holds the head (committed with the records). An index rebuilt from the log has none: the audit
     * topic's last committed record has it, and its sequence number, which the log may no longer show (compaction).
     */
    private String chainHead() {
        Optional<String> stored = index.lastHash();
        if (stored.isPresent()) {
            return stored.get();
        }
        Optional<AuditRecord> last = AuditTopic.last(settings.bootstrapServers(), settings.layout().audit());
        last.ifPresent(r -> {
            if (r.seq() > index.lastSeq()) {
                index.putLastSeq(r.seq());
            }
            LOG.info("Audit chain resumed from the audit topic at seq {}", r.seq());
        });
        String head = last.map(AuditRecord::hash).orElse(AuditChain.GENESIS_HEX);
        index.putLastHash(head);
        return head;
    }

    private static String utf8Text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
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
