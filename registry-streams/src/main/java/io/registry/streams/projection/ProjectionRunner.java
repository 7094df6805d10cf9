package io.registry.streams.projection;

import io.registry.readmodel.Checkpoint;
import io.registry.readmodel.PositionedEvent;
import io.registry.readmodel.ProjectionStore;
import io.registry.readmodel.StaleCheckpointException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds the log into one projection store on a thread of its own, with a consumer of its own: one store being
 * down (Redis, Postgres) never stalls another.
 *
 * <p>No consumer group: the log has one partition, the position lives in the store (written with the data, see
 * {@link ProjectionStore#apply}), so the runner assigns partition 0 and seeks to the store's checkpoint. When a
 * batch fails the store has written nothing; the runner backs off and seeks to the checkpoint again, so the batch
 * is re-read and applied exactly once. Only committed records are read ({@code read_committed}): the sequencer
 * writes the log in Kafka transactions, and an aborted write must never become visible.
 */
public final class ProjectionRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRunner.class);

    private final ProjectionStore store;
    private final ProjectionRunnerSettings settings;
    private final TopicPartition partition;
    private final LogBatchDecoder decoder;
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong appliedEvents = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running;
    /** Where the store is, as far as this runner knows: the checkpoint its next batch must be applied on. */
    private volatile Checkpoint position = Checkpoint.START;
    private volatile Throwable lastError;
    private CatchUp catchUp = new CatchUp(System.nanoTime());

    /**
     * What the runner applied from (re)positioning until the log first ran dry: a rebuild's or a restart's
     * catch-up, logged once with its rate (the figure operators and perf/run want, without JVM or HTTP start).
     */
    private static final class CatchUp {
        private final long startedNanos;
        private long applied;
        private boolean reported;

        CatchUp(long startedNanos) {
            this.startedNanos = startedNanos;
        }

        void reportOnce(String projection) {
            if (reported) {
                return;
            }
            reported = true;
            if (applied > 0) {
                long millis = Math.max(1, (System.nanoTime() - startedNanos) / 1_000_000);
                LOG.info("Projection {} caught up: {} events in {} ms ({} events/s)", projection, applied, millis,
                        applied * 1000 / millis);
            }
        }
    }

    public ProjectionRunner(ProjectionStore store, ProjectionRunnerSettings settings) {
        this.store = store;
        this.settings = settings;
        this.partition = new TopicPartition(settings.logTopic(), 0);
        this.decoder = new LogBatchDecoder(store.name());
        this.thread = new Thread(this::run, "projector-" + store.name());
        this.thread.setDaemon(true);
    }

    public synchronized void start() {
        if (thread.getState() != Thread.State.NEW) {
            throw new IllegalStateException("projection runner " + name() + " was started before");
        }
        running = true;
        thread.start();
    }

    public String name() {
        return store.name();
    }

    /** The sequence of the last record the store has applied (0 until the checkpoint was read). */
    public long appliedSeq() {
        return position.seq();
    }

    /** The log offset the store resumes from. */
    public long nextOffset() {
        return position.nextOffset();
    }

    /** The error of the current run of failures; empty once a batch succeeds again. For health checks. */
    public Optional<Throwable> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Events this runner applied (and the store committed) since it started; never counts one twice. */
    public long appliedEvents() {
        return appliedEvents.get();
    }

    /** Batches that failed and were retried from the checkpoint. */
    public long failedBatches() {
        return failedBatches.get();
    }

    /** Records that could not be decoded and were skipped. */
    public long malformedRecords() {
        return decoder.malformed();
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops after the batch in flight (interrupting it after {@code closeTimeout}); prompt when idle. */
    @Override
    public void close() {
        running = false;
        closing.countDown();
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread.getState() == Thread.State.NEW) {
            return;
        }
        try {
            thread.join(settings.closeTimeout().toMillis());
            if (thread.isAlive()) {
                LOG.warn("Projection {} did not stop within {}, interrupting it", name(), settings.closeTimeout());
                thread.interrupt();
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerConfig())) {
            consumer = kafka;
            kafka.assign(List.of(partition));
            boolean positioned = false;
            int failuresInARow = 0;
            while (running) {
                try {
                    if (!positioned) {
                        seekToCheckpoint(kafka);
                        positioned = true;
                    }
                    ConsumerRecords<byte[], byte[]> records = kafka.poll(settings.pollTimeout());
                    if (!records.isEmpty()) {
                        apply(decoder.decode(records.records(partition), position.seq()));
                    } else if (kafka.currentLag(partition).orElse(-1) == 0) {
                        // only at the log's end: an empty poll before the first fetch came back (a loaded host)
                        // is not a catch-up, and reporting it would swallow the rebuild's one rate line
                        catchUp.reportOnce(name());
                    }
                    failuresInARow = 0;
                    lastError = null;
                } catch (WakeupException e) {
                    // close() woke the poll up; the loop condition ends the run
                } catch (RuntimeException e) {
                    failuresInARow++;
                    positioned = false;
                    onFailure(e, settings.backoff(failuresInARow));
                }
            }
        } catch (Throwable fatal) {
            lastError = fatal;
            LOG.error("Projection {} stopped: {}", name(), fatal.toString(), fatal);
        } finally {
            consumer = null;
        }
    }

    private void seekToCheckpoint(KafkaConsumer<byte[], byte[]> kafka) {
        bindToThisLog();
        Checkpoint checkpoint = store.checkpoint();
        kafka.seek(partition, checkpoint.nextOffset());
        position = checkpoint;
        catchUp = new CatchUp(System.nanoTime());
        LOG.info("Projection {} resumes at offset {} (seq {})", name(), checkpoint.nextOffset(), checkpoint.seq());
    }

    /**
     * Binds the store to this log before the runner starts, so that a node starting on a new log never serves, even
     * briefly, a projection of the old one. A failure here is only logged: the runner retries with back-off.
     */
    public void prepare() {
        try {
            bindToThisLog();
        } catch (RuntimeException e) {
            LOG.warn("Projection {} could not check its log binding yet: {}", name(), e.toString());
        }
    }

    /**
     * A projection remembers which log it was built from (the topic's id, which changes when the topic or the
     * cluster is recreated). Resuming one built from another log would apply this log from an offset that means
     * something else there, so such a projection is emptied and rebuilt.
     */
    private void bindToThisLog() {
        String logId = LogIdentity.topicId(settings.bootstrapServers(), partition.topic());
        Optional<String> bound = store.boundLog();
        if (bound.isPresent() && bound.get().equals(logId)) {
            return;
        }
        if (bound.isPresent()) {
            LOG.warn("Projection {} was built from another log (topic id {}, now {}): emptying it to rebuild from "
                    + "this one", name(), bound.get(), logId);
        }
        store.rebind(logId);
    }

    private void apply(List<PositionedEvent> batch) {
        store.apply(position, batch);
        appliedEvents.addAndGet(batch.size());
        catchUp.applied += batch.size();
        position = Checkpoint.after(batch);
    }

    private void onFailure(RuntimeException e, Duration backoff) {
        failedBatches.incrementAndGet();
        lastError = e;
        if (e instanceof StaleCheckpointException) {
            // The store is fine but moved: wiped (it rebuilds from 0) or written by a second projector. Backing off
            // anyway keeps a checkpoint the log cannot satisfy (topic recreated) from spinning; lastError shows it.
            LOG.info("Projection {}: {}; continuing from the stored checkpoint", name(), e.getMessage());
        } else {
            LOG.warn("Projection {} failed a batch, retrying from its checkpoint in {} ms: {}", name(),
                    backoff.toMillis(), e.toString(), e);
        }
        try {
            closing.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "registry-projector-" + name(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // A checkpoint before the log start (retention removed records) resumes at the oldest record.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords(),
                // The default 1 MiB per partition would cap a rebuild's batches at a few thousand records.
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
    }
}
