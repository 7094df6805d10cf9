package io.registry.streams.sequencer;

import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Waits until every transaction that was open on some partitions when it was called has ended (committed or
 * aborted): until each partition's last stable offset (what a read_committed reader may read up to) reaches the
 * high watermark it had at the call. A reader that then reads to its end has seen every record committed before the
 * call, including a previous sequencer's last commit whose markers were still being written, and an abandoned
 * transaction is waited out (the broker aborts it at its {@code transaction.timeout.ms}).
 *
 * <p>A transaction the coordinator never aborts is a <em>hanging</em> transaction (KIP-664): seen here after the
 * whole dev JVM, broker included, was SIGKILLed mid-write — after the restart the log's last stable offset stayed
 * behind the dead sequencer's open transaction for good, which would stall the sequencer and every read_committed
 * reader. One whose last write is older than {@code abandonedAfter} (well past the transaction timeout, when the
 * coordinator would have aborted a transaction it knows) is aborted the way Kafka's own tooling does it
 * ({@code kafka-transactions.sh abort}: {@link Admin#abortTransaction}). A zombie cannot be hurt by this: its
 * transaction is dead by then, and its producer epoch is fenced anyway.
 */
final class StableEnd {
    private static final Logger LOG = LoggerFactory.getLogger(StableEnd.class);

    private StableEnd() {
    }

    static void await(String bootstrapServers, List<String> topics, Duration abandonedAfter, Duration timeout) {
        List<TopicPartition> partitions = topics.stream().map(t -> new TopicPartition(t, 0)).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, Long> high = ends(admin, partitions, IsolationLevel.READ_UNCOMMITTED);
            boolean logged = false;
            while (true) {
                Map<TopicPartition, Long> stable = ends(admin, partitions, IsolationLevel.READ_COMMITTED);
                List<TopicPartition> open = partitions.stream().filter(p -> stable.get(p) < high.get(p)).toList();
                if (open.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("A transaction stayed open on " + open + " for over " + timeout);
                }
                abortAbandoned(admin, open, abandonedAfter);
                if (!logged) {
                    LOG.info("Waiting for an open transaction on {} to end before rebuilding the index", open);
                    logged = true;
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the log to be stable", e);
        }
    }

    /** Aborts the transactions open on these partitions whose producer has written nothing for abandonedAfter. */
    private static void abortAbandoned(Admin admin, List<TopicPartition> open, Duration abandonedAfter)
            throws InterruptedException {
        long now = System.currentTimeMillis();
        try {
            var producers = admin.describeProducers(open).all().get(30, TimeUnit.SECONDS);
            for (var entry : producers.entrySet()) {
                for (ProducerState p : entry.getValue().activeProducers()) {
                    boolean inTransaction = p.currentTransactionStartOffset().isPresent();
                    if (inTransaction && now - p.lastTimestamp() > abandonedAfter.toMillis()) {
                        LOG.warn("Aborting a hanging transaction on {}: producer {} epoch {}, open since offset {}, "
                                        + "last write {} ms ago", entry.getKey(), p.producerId(), p.producerEpoch(),
                                p.currentTransactionStartOffset().getAsLong(), now - p.lastTimestamp());
                        admin.abortTransaction(new AbortTransactionSpec(entry.getKey(), p.producerId(),
                                (short) p.producerEpoch(), p.coordinatorEpoch().orElse(-1))).all()
                                .get(30, TimeUnit.SECONDS);
                    }
                }
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("Could not inspect or abort the open transactions on {}: {}", open, e.getMessage());
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<TopicPartition> partitions, IsolationLevel level)
            throws InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        try {
            admin.listOffsets(latest, new ListOffsetsOptions(level)).all().get(30, TimeUnit.SECONDS)
                    .forEach((p, info) -> ends.put(p, info.offset()));
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Could not read the end offsets of " + partitions, e);
        }
        return ends;
    }
}
