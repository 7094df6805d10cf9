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
import io.registry.core.subject.HeapRegistryIndex;
import io.registry.core.subject.RegistryStateMachine;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides one command at a time: appends its events to the log and its reply, which Kafka Streams commits in one
 * transaction together with the command's offset ({@code exactly_once_v2}). A rejected command writes only a reply.
 * Each log record extends the audit chain: its hash rides in the record's {@code registry-hash} header, and a copy
 * goes to the uncompacted audit topic in the same transaction.
 *
 * <p>The index the decisions read is a heap structure, rebuilt from the log (and the chain's head from the audit
 * topic) in {@link #init} — every time Kafka Streams (re)initialises this task — and never written anywhere else.
 * Why that is as safe as the changelogged store it replaced:
 * <ul>
 * <li>Only committed records count. Under {@code exactly_once_v2} a transaction that fails (a send error, a fenced
 * producer, a commit timeout, a processing exception) is aborted and the task is closed dirty: Kafka Streams then
 * either re-initialises the task's topology or replaces the thread (our uncaught-exception handler), and both call
 * {@link #init} again, so heap changes (and the state machine's cache of parsed schemas) made for aborted records are
 * thrown away with them and the command is decided
 * again from the committed log ({@code SequencerAbortTest} forces such an abort and checks the id is not burnt or
 * given twice).</li>
 * <li>The replay sees every committed record. It waits until no transaction is open on the log and audit partitions
 * ({@link StableEnd}): a previous owner's commit whose markers are still in flight, or its abandoned transaction
 * (aborted by the broker at {@code transaction.timeout.ms}), is resolved before the replay reads to the end. A
 * zombie owner cannot commit afterwards: its offset commit carries an old group generation and is refused, which
 * aborts its transaction. Kafka Streams fetches the committed command offset only once that owner's transaction is
 * settled too, so no command is skipped or decided twice.</li>
 * <li>Every id decision still goes through one fenced transactional writer; the index is a cache of the log,
 * so no id is given twice, and the region's id floor applies to the rebuilt index as to the stored one.</li>
 * </ul>
 * What it costs: a (re)start reads the whole log (see perf/RESULTS.md for 100k schemas) instead of restoring a
 * changelog of about the same size; each write no longer writes several changelog records in its transaction.
 */
final class SequencerProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(SequencerProcessor.class);

    private final SequencerSettings settings;
    private final Supplier<RegistryStateMachine> machines;
    /** New at each init: its cache of parsed schemas by id is as much derived state as the index. */
    private RegistryStateMachine machine;
    private ProcessorContext<byte[], byte[]> context;
    private HeapRegistryIndex index;
    /** The audit chain's head: the hash of the last committed (or, within a transaction, forwarded) log record. */
    private String chainHead;

    SequencerProcessor(SequencerSettings settings, Supplier<RegistryStateMachine> machines) {
        this.settings = settings;
        this.machines = machines;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        long started = System.nanoTime();
        RegistryStateMachine machine = machines.get();
        HeapRegistryIndex rebuilt = new HeapRegistryIndex(settings.region().ownEpoch().idFloor());
        StableEnd.await(settings.bootstrapServers(), List.of(settings.layout().log(), settings.layout().audit()),
                settings.transactionTimeout().multipliedBy(3).plusSeconds(30));
        LogReplay.replay(settings.bootstrapServers(), settings.layout().log(), machine, rebuilt);
        // The audit topic's last committed record has the chain's head, and its sequence number, which the log may
        // no longer show (compaction).
        Optional<AuditRecord> last = AuditTopic.last(settings.bootstrapServers(), settings.layout().audit());
        last.filter(r -> r.seq() > rebuilt.lastSeq()).ifPresent(r -> rebuilt.putLastSeq(r.seq()));
        this.chainHead = last.map(AuditRecord::hash).orElse(AuditChain.GENESIS_HEX);
        this.index = rebuilt;
        this.machine = machine;
        LOG.info("Sequencer ready in {} ms: index rebuilt from the log up to seq {}, audit chain head {}",
                (System.nanoTime() - started) / 1_000_000, rebuilt.lastSeq(),
                last.map(r -> "at seq " + r.seq()).orElse("genesis"));
    }

    @Override
    public void close() {
        // Whatever the heap index holds past the last commit must not outlive this task: init builds a new one.
        index = null;
        machine = null;
        chainHead = null;
    }

    @Override
    public void process(Record<byte[], byte[]> command) {
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
        if (envelope.access() != null || settings.requireGrants()) {
            Optional<String> denial = CommandAccess.denial(envelope.command(), envelope.access());
            if (denial.isPresent()) {
                LOG.warn("Refused command {} of {}: {}", envelope.requestId(), envelope.principal(), denial.get());
                reply(envelope.requestId(), index.lastSeq(), Outcome.Rejected.of(ErrorCode.FORBIDDEN, denial.get()));
                return;
            }
        }
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
        String previous = chainHead;
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
        chainHead = hash;
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
