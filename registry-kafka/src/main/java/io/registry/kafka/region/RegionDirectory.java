package io.registry.kafka.region;

import io.registry.core.region.RegionEpoch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A region's small compacted topic ({@code _registry_region}) in its own cluster: its epoch (key {@code epoch},
 * a {@link RegionEpoch}) and the peer regions it knows (key {@code peer:<name>} → their Kafka bootstrap servers).
 * A replica registers itself in its primary's directory, so a primary that comes back after losing its role can
 * find the region that replaced it. Kept apart from the log: the log is Confluent's {@code _schemas} format, which
 * other tools read too.
 */
public final class RegionDirectory {
    public static final String DEFAULT_TOPIC = "_registry_region";
    private static final String EPOCH_KEY = "epoch";
    private static final String PEER_PREFIX = "peer:";

    private RegionDirectory() {
    }

    /** What one cluster's directory says. */
    public record Snapshot(Optional<RegionEpoch> epoch, Map<String, String> peers) {
        public RegionEpoch epochOr(String region) {
            return epoch.orElseGet(() -> RegionEpoch.initial(region));
        }
    }

    /** Creates the topic when missing (1 partition, compacted). */
    public static void ensureTopic(String bootstrap, String topic, short replicationFactor, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, replicationFactor).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create " + topic + " on " + bootstrap + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the whole directory (a handful of records) with a consumer of its own. Something that reads a directory
     * over and over keeps a {@link Follower} instead.
     *
     * @throws IllegalStateException when the cluster does not answer within {@code timeout}
     */
    public static Snapshot read(String bootstrap, String topic, Duration timeout) {
        try (Follower follower = follow(bootstrap, topic, timeout)) {
            return follower.read(timeout);
        }
    }

    /** A long-lived reader of one cluster's directory (see {@link Follower}). */
    public static Follower follow(String bootstrap, String topic, Duration requestTimeout) {
        return new Follower(bootstrap, topic, requestTimeout);
    }

    /**
     * One consumer kept on one cluster's directory, folding its records as they come: a read after the first asks
     * the cluster for the partition's end offset and polls only what was appended since (usually nothing), instead
     * of connecting a new consumer and replaying the topic every time. Not thread-safe: one reader thread.
     */
    public static final class Follower implements AutoCloseable {
        private final String bootstrap;
        private final String topic;
        private final TopicPartition partition;
        private final KafkaConsumer<byte[], byte[]> consumer;
        private boolean assigned;
        private RegionEpoch epoch;
        private final Map<String, String> peers = new HashMap<>();

        private Follower(String bootstrap, String topic, Duration requestTimeout) {
            this.bootstrap = bootstrap;
            this.topic = topic;
            this.partition = new TopicPartition(topic, 0);
            this.consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMillis(),
                    ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMillis()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }

        public String bootstrap() {
            return bootstrap;
        }

        /**
         * The directory as of now: what was appended since the last read, folded into what was read before.
         *
         * @throws IllegalStateException when the cluster does not answer within {@code timeout}
         */
        public Snapshot read(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                if (!assigned) {
                    List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
                    if (partitions == null || partitions.isEmpty()) {
                        return new Snapshot(Optional.empty(), Map.of());
                    }
                    consumer.assign(List.of(partition));
                    consumer.seekToBeginning(List.of(partition));
                    assigned = true;
                }
                long end = consumer.endOffsets(List.of(partition), remaining(deadline)).get(partition);
                if (consumer.position(partition, remaining(deadline)) > end) {
                    // The topic is shorter than what we read: it was deleted and created again. Start over. (One
                    // created again and already longer goes unnoticed; nothing recreates a live region's directory.)
                    consumer.seekToBeginning(List.of(partition));
                    epoch = null;
                    peers.clear();
                }
                while (consumer.position(partition, remaining(deadline)) < end) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Reading " + topic + " on " + bootstrap + " took over "
                                + timeout);
                    }
                    consumer.poll(Duration.ofMillis(100)).forEach(this::fold);
                }
                return new Snapshot(Optional.ofNullable(epoch), Map.copyOf(peers));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                throw new IllegalStateException("Kafka at " + bootstrap + " did not answer within " + timeout, e);
            }
        }

        private void fold(ConsumerRecord<byte[], byte[]> r) {
            if (r.key() == null) {
                return;
            }
            String key = new String(r.key(), StandardCharsets.UTF_8);
            if (key.equals(EPOCH_KEY) && r.value() != null) {
                epoch = RegionEpoch.decode(r.value());
            } else if (key.startsWith(PEER_PREFIX)) {
                String name = key.substring(PEER_PREFIX.length());
                if (r.value() == null) {
                    peers.remove(name);
                } else {
                    peers.put(name, new String(r.value(), StandardCharsets.UTF_8));
                }
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    public static void writeEpoch(String bootstrap, String topic, RegionEpoch epoch, Duration timeout) {
        write(bootstrap, topic, EPOCH_KEY, epoch.encode(), timeout);
    }

    public static void registerPeer(String bootstrap, String topic, String name, String peerBootstrap,
                                    Duration timeout) {
        write(bootstrap, topic, PEER_PREFIX + name, peerBootstrap.getBytes(StandardCharsets.UTF_8), timeout);
    }

    private static void write(String bootstrap, String topic, String key, byte[] value, Duration timeout) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis(),
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                // Kafka requires delivery >= linger + request timeout
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() + 1000),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot write " + key + " to " + topic + " on " + bootstrap + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }
}
