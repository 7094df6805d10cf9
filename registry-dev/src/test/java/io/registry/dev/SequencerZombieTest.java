package io.registry.dev;

import io.registry.kafka.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
                    // Only the first sequencer has ever written to the log so far.
                    Set<Long> zombieProducers = beforeTakeover.stream().filter(b -> b.marker() == null)
                            .map(LogSegments.Batch::producerId).collect(Collectors.toSet());
                    long frozenAt = beforeTakeover.stream().mapToLong(LogSegments.Batch::lastOffset).max().orElse(-1) + 1;
                    assertFalse(zombieProducers.isEmpty(), "the first sequencer wrote nothing before its freeze");

                    // The successor takes over once the frozen one's session expires.
                    load.awaitAcknowledged(load.acknowledged.size() + 20, 90_000);
                    first.resume();
                    // The zombie wakes up mid-transaction; writes go on meanwhile.
                    load.awaitAcknowledged(load.acknowledged.size() + 20, 90_000);
                    Thread.sleep(3_000);
                    load.close();

                    List<LogSegments.Batch> committedByZombie = LogSegments.read(logPartition).stream()
                            .filter(b -> b.baseOffset() >= frozenAt && zombieProducers.contains(b.producerId())
                                    && b.marker() == ControlRecordType.COMMIT)
                            .toList();
                    assertTrue(committedByZombie.isEmpty(), "the zombie committed after its freeze (at offset "
                            + frozenAt + "): " + committedByZombie);
                    System.out.printf("zombie fenced: %d acknowledged, %d failed; log frozen at offset %d%n",
                            load.acknowledged.size(), load.failed.get(), frozenAt);
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
