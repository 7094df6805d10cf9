package io.registry.streams.sequencer;

import org.apache.kafka.clients.admin.Admin;
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
 */
final class StableEnd {
    private static final Logger LOG = LoggerFactory.getLogger(StableEnd.class);

    private StableEnd() {
    }

    static void await(String bootstrapServers, List<String> topics, Duration timeout) {
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
