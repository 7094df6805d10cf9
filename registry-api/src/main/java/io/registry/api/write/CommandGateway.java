package io.registry.api.write;

import io.registry.core.access.AccessGrants;
import io.registry.core.command.Command;
import io.registry.core.command.CommandCodec;
import io.registry.core.command.CommandEnvelope;
import io.registry.core.command.Reply;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sends commands to the sequencer and correlates its replies by request id. Every API node reads every reply
 * partition from its end (replies are small and short-lived), so no consumer group or sticky routing is needed.
 */
public final class CommandGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandGateway.class);

    private final String commandsTopic;
    private final String repliesTopic;
    private volatile boolean repliesReady;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> replies;
    private final Map<String, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private final Thread replyReader;
    private volatile boolean running = true;

    /**
     * @param replyReadyTimeout how long to wait here for the replies topic; past it (or with {@link Duration#ZERO})
     *                          the reader keeps trying in the background and {@link #send} fails fast until then —
     *                          a replica region's API must come up while the primary's cluster is unreachable
     */
    public CommandGateway(String bootstrapServers, String commandsTopic, String repliesTopic,
                          CommandProducerSettings timeouts, Duration replyReadyTimeout) {
        this.commandsTopic = commandsTopic;
        this.repliesTopic = repliesTopic;
        long requestMs = timeouts.getRequestTimeout().toMillis();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeouts.getMaxBlock().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestMs,
                // Kafka rejects a delivery timeout below linger + request timeout at construction.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeouts.getDeliveryTimeout().toMillis(), requestMs)),
                new ByteArraySerializer(), new ByteArraySerializer());
        // fetch.max.wait.ms is Kafka's 500 ms: a waiting fetch is answered as soon as a reply commits, so a shorter
        // wait only adds empty fetches (20 ms was 50 empty fetch requests a second at idle).
        this.replies = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        if (!replyReadyTimeout.isZero()) {
            assignReplies(replyReadyTimeout);
        }
        this.replyReader = new Thread(this::readReplies, "registry-reply-reader");
        this.replyReader.setDaemon(true);
        this.replyReader.start();
    }

    /** Reads the replies topic from its end; false when the cluster did not list it within {@code timeout}. */
    private boolean assignReplies(Duration timeout) {
        List<PartitionInfo> infos;
        try {
            infos = replies.partitionsFor(repliesTopic, timeout);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return false;
        }
        if (infos == null || infos.isEmpty()) {
            return false;
        }
        List<TopicPartition> partitions = infos.stream()
                .map(PartitionInfo::partition)
                .map(p -> new TopicPartition(repliesTopic, p))
                .toList();
        replies.assign(partitions);
        replies.seekToEnd(partitions);
        // Resolve the end positions now: a reply produced after this point must not be skipped by a lazy seek.
        partitions.forEach(p -> replies.position(p, Duration.ofSeconds(30)));
        repliesReady = true;
        return true;
    }

    /** The sequencer's cluster has not been reached yet (e.g. a replica region whose primary is unreachable). */
    public static final class NotReadyException extends RuntimeException {
        NotReadyException(String message) {
            super(message);
        }
    }

    /**
     * Sends the command; the future completes with the sequencer's reply, or exceptionally with a
     * {@link java.util.concurrent.TimeoutException} after {@code timeout} (the command then carries the same
     * deadline, so the sequencer drops it rather than acting after the caller gave up).
     */
    public CompletableFuture<Reply> send(Command command, String principal, Duration timeout) {
        return send(command, principal, null, timeout);
    }

    /** The same, with the sender's grants for the sequencer to check (security on), or null. */
    public CompletableFuture<Reply> send(Command command, String principal, AccessGrants access, Duration timeout) {
        if (!repliesReady) {
            return CompletableFuture.failedFuture(new NotReadyException("The sequencer's Kafka cluster has not been "
                    + "reached yet (topic " + repliesTopic + " not found)"));
        }
        String requestId = UUID.randomUUID().toString();
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        pending.put(requestId, reply);
        reply.whenComplete((r, e) -> pending.remove(requestId));
        byte[] value = CommandCodec.encode(CommandEnvelope.of(requestId, principal, deadline, command, access));
        try {
            producer.send(new ProducerRecord<>(commandsTopic, requestId.getBytes(StandardCharsets.UTF_8), value),
                    (metadata, error) -> {
                        if (error != null) {
                            reply.completeExceptionally(error);
                        }
                    });
        } catch (RuntimeException e) {
            reply.completeExceptionally(e);
        }
        // send() itself may block (metadata, max.block.ms): the caller's deadline counts from before it.
        return reply.orTimeout(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
    }

    /** The producer of commands, for client metrics only (sending goes through {@link #send}). */
    public org.apache.kafka.clients.producer.Producer<byte[], byte[]> producer() {
        return producer;
    }

    /** The consumer of replies, for client metrics only (it belongs to the reply reader thread). */
    public org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> replyConsumer() {
        return replies;
    }

    private void readReplies() {
        while (running) {
            try {
                if (!repliesReady && !assignReplies(Duration.ofSeconds(2))) {
                    sleepQuietly();
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : replies.poll(Duration.ofMillis(200))) {
                    if (record.key() == null) {
                        continue;
                    }
                    CompletableFuture<Reply> waiter = pending.get(new String(record.key(), StandardCharsets.UTF_8));
                    if (waiter != null) {
                        try {
                            waiter.complete(CommandCodec.decodeReply(record.value()));
                        } catch (IllegalArgumentException e) {
                            waiter.completeExceptionally(e);
                        }
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Reading replies failed; retrying", e);
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        replies.wakeup();
        try {
            replyReader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        replies.close(Duration.ofSeconds(2));
        producer.close(Duration.ofSeconds(2));
    }
}
