package io.registry.streams.sequencer;

import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.core.subject.RegistryStateMachine;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Properties;

/**
 * Runs the sequencer topology. Only one task can own the single commands partition; Kafka transactions fence a
 * zombie owner, so a failover never hands out an id twice.
 */
public final class Sequencer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);

    private final KafkaStreams streams;
    private final SequencerSettings settings;

    public Sequencer(SequencerSettings settings) {
        this.settings = settings;
        SchemaParser parser = new SchemaParser(SchemaFormats.standard());
        this.streams = new KafkaStreams(SequencerTopology.build(settings, () -> new RegistryStateMachine(parser)),
                properties(settings));
        this.streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Sequencer thread failed; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
    }

    private static Properties properties(SequencerSettings settings) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.layout().replicationFactor());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        // fetch.max.wait.ms stays at Kafka's 500 ms: the broker answers a waiting fetch as soon as a command lands
        // (fetch.min.bytes = 1), so a shorter wait adds no speed, only empty fetches (it was 5 ms: 200 empty fetch
        // requests a second at idle, on this thread and on the broker's request handlers).
        p.put(StreamsConfig.producerPrefix("linger.ms"), 0);
        // The thread commits only between polls: a poll blocking for the default 100 ms while no new command comes
        // would hold the last command's transaction (and its caller) open that long.
        p.put(StreamsConfig.POLL_MS_CONFIG, Math.max(1, settings.commitInterval().toMillis()));
        // A crashed sequencer holds the commands partition until its session expires: keep that short so a
        // standby or restarted node takes over within seconds (the broker's default minimum is 6 s).
        long sessionMs = settings.sessionTimeout().toMillis();
        p.put(StreamsConfig.consumerPrefix("session.timeout.ms"), (int) sessionMs);
        p.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), (int) Math.max(100, sessionMs / 5));
        // Its open transaction holds back every read_committed reader of the log (projectors, the successor's
        // restore) until the broker aborts it at this timeout.
        p.put(StreamsConfig.producerPrefix("transaction.timeout.ms"), (int) settings.transactionTimeout().toMillis());
        return p;
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        // Leave the group on a clean stop: Kafka Streams otherwise stays a member until its session expires, and
        // a restarted (or standby) sequencer would wait that long before it may take the commands partition.
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        settings.region().close();
    }
}
