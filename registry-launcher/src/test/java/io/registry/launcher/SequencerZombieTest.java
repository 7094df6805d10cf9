package io.registry.launcher;

import io.registry.kafka.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failure matrix: a zombie sequencer. The active sequencer's JVM is frozen (SIGSTOP) in the middle of concurrent
 * registrations; its session expires and a second sequencer takes over; then the first one wakes up (SIGCONT)
 * still believing it leads. Kafka's transactions must fence it: no transaction of its producer commits on the
 * log after the freeze, and ids stay unique with every acknowledged registration on the log exactly once.
 */
class SequencerZombieTest {

    @Test
    void aFrozenSequencerThatWakesUpAfterTakeoverWritesNothing() throws Exception {
        // A private broker, so the test can read the log's segment files (producer ids, transaction markers).
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
             RegistryStack stack = RegistryStack.start(Map.of(
                     "registry.kafka.bootstrap-servers", broker.bootstrapServers(),
                     "registry.sequencer.enabled", false,
                     "registry.api.sequencer-timeout", "60s",
                     "registry.api.projection-timeout", "30s"))) {
            Path logPartition = broker.dataDir().resolve("kafka-logs").resolve(stack.logTopic + "-0");
            try (RegistryProcess first = startSequencer(stack, "zombie");
                 RegistrationLoad load = RegistrationLoad.start(stack.http, "zombie-", 4, 8)) {
                load.awaitAcknowledged(20, 120_000);
                RegistryProcess successor = startSequencer(stack, "successor");
                try {
                    load.awaitAcknowledged(load.acknowledged.size() + 20, 60_000);

                    first.pause();
                    // Let in-flight produce requests and markers the coordinator was already writing land.
                    Thread.sleep(1_000);
                    List<LogSegments.Batch> beforeTakeover = LogSegments.read(logPartition);
                    long frozenAt = beforeTakeover.stream().mapToLong(LogSegments.Batch::lastOffset).max().orElse(-1) + 1;
                    // Only the first sequencer has ever written to the log so far: its producer, at these epochs.
                    List<LogSegments.Batch> zombieData = beforeTakeover.stream().filter(b -> b.marker() == null).toList();
                    assertFalse(zombieData.isEmpty(), "the first sequencer wrote nothing before its freeze");
                    Set<Long> zombieProducers = zombieData.stream().map(LogSegments.Batch::producerId)
                            .collect(Collectors.toSet());
                    short staleEpoch = zombieData.stream().map(LogSegments.Batch::producerEpoch)
                            .max(Short::compare).orElseThrow();
                    LogSegments.Batch lastBeforeFreeze = beforeTakeover.get(beforeTakeover.size() - 1);
                    boolean frozenMidTransaction = lastBeforeFreeze.marker() == null;

                    // The successor takes over once the frozen one's session expires.
                    load.awaitAcknowledged(load.acknowledged.size() + 20, 90_000);
                    first.resume();
                    // The zombie wakes up (mid-transaction, usually) and must find its transaction refused; writes go
                    // on. How Kafka says so depends on where it froze: a fenced producer epoch, or (transaction
                    // version 2, the coordinator having already aborted its transaction with a bumped epoch) an
                    // invalid transaction state on its commit. The log check below is the invariant either way.
                    first.awaitAnyOutput(60_000, "fenced", "InvalidTxnStateException", "InvalidProducerEpoch");
                    load.awaitAcknowledged(load.acknowledged.size() + 20, 90_000);
                    load.close();

                    // Woken up, it may legitimately rejoin and lead again, but only as a new producer epoch after
                    // initTransactions: nothing it wrote with its stale epoch may land after the freeze...
                    List<LogSegments.Batch> after = LogSegments.read(logPartition).stream()
                            .filter(b -> b.baseOffset() >= frozenAt && zombieProducers.contains(b.producerId()))
                            .toList();
                    List<LogSegments.Batch> staleWrites = after.stream()
                            .filter(b -> b.marker() == null && b.producerEpoch() <= staleEpoch).toList();
                    assertTrue(staleWrites.isEmpty(), "the zombie's stale writes landed: " + staleWrites);
                    // ...and the transaction it was frozen in was aborted, not committed.
                    if (frozenMidTransaction) {
                        LogSegments.Batch outcome = after.stream().filter(b -> b.marker() != null
                                && b.producerId() == lastBeforeFreeze.producerId()).findFirst().orElseThrow();
                        assertEquals(ControlRecordType.ABORT, outcome.marker(), "the frozen transaction's outcome");
                    }
                    System.out.printf("zombie fenced: %d acknowledged, %d failed; frozen at offset %d%s%n",
                            load.acknowledged.size(), load.failed.get(), frozenAt,
                            frozenMidTransaction ? " mid-transaction" : "");
                    load.acknowledged.verifyLog(broker.bootstrapServers(), stack.logTopic);
                    load.acknowledged.verifyApi(stack.http);
                } finally {
                    successor.close();
                }
            }
        }
    }

    private static RegistryProcess startSequencer(RegistryStack stack, String name) throws Exception {
        return RegistryProcess.streams(stack.sequencerNodeProperties(name, SequencerCrashTest.FAST_FAILOVER),
                "sequencer-" + name + "-" + stack.id);
    }
}
