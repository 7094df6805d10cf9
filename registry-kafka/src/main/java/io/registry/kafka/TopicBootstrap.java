package io.registry.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the registry's topics if missing and checks the ones that exist. Every node runs this at start, so it is
 * idempotent and tolerates other nodes creating the same topics at the same moment.
 */
public final class TopicBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrap.class);
    private static final long RETRY_PAUSE_MS = 100;

    private TopicBootstrap() {
    }

    /**
     * Creates missing topics with the right configs and verifies existing ones.
     *
     * @throws IllegalStateException with a clear message when Kafka does not answer within {@code timeout}, a topic
     *                               cannot be created, or an existing log topic has more than 1 partition or is not
     *                               {@code cleanup.policy=compact} (also when the commands topic has more than 1
     *                               partition: a second partition would mean a second sequencer task)
     */
    public static void ensureTopics(String bootstrapServers, TopicLayout layout, Duration timeout) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(layout, "layout");
        long deadline = System.nanoTime() + timeout.toNanos();
        Admin admin = Admin.create(adminProps(bootstrapServers, timeout));
        try {
            List<NewTopic> specs = TopicSpecs.of(layout);
            create(admin, specs, deadline, bootstrapServers, timeout);
            TopicChecks.verify(describe(admin, layout, deadline, bootstrapServers, timeout),
                    logConfig(admin, layout.log(), deadline, bootstrapServers, timeout), layout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while ensuring the registry topics", e);
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }

    private static Properties adminProps(String bootstrapServers, Duration timeout) {
        long requestMs = Math.max(1, Math.min(timeout.toMillis(), 30_000));
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(requestMs));
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(Math.max(requestMs, timeout.toMillis())));
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "registry-topic-bootstrap");
        return p;
    }

    private static void create(Admin admin, List<NewTopic> specs, long deadline, String bootstrap, Duration timeout)
            throws InterruptedException {
        CreateTopicsResult result = admin.createTopics(specs,
                new CreateTopicsOptions().timeoutMs((int) Math.max(1, Math.min(Integer.MAX_VALUE, remainingMs(deadline)))));
        for (NewTopic spec : specs) {
            try {
                await(result.values().get(spec.name()), deadline, bootstrap, timeout, "creating topic " + spec.name());
                LOG.info("Created topic {} ({} partition(s), replication factor {}, {})", spec.name(),
                        spec.numPartitions(), spec.replicationFactor(), spec.configs());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    LOG.debug("Topic {} already exists", spec.name());
                } else {
                    throw new IllegalStateException("Cannot create topic " + spec.name() + " (" + spec.numPartitions()
                            + " partition(s), replication factor " + spec.replicationFactor() + ") on " + bootstrap
                            + ": " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
    }

    /** Retries while a topic another node just created is not yet visible in the broker's metadata. */
    private static Map<String, TopicDescription> describe(Admin admin, TopicLayout layout, long deadline,
                                                          String bootstrap, Duration timeout) throws InterruptedException {
        Set<String> names = Set.of(layout.log(), layout.commands(), layout.replies());
        while (true) {
            try {
                return await(admin.describeTopics(names).allTopicNames(), deadline, bootstrap, timeout,
                        "describing topics " + names);
            } catch (ExecutionException e) {
                retryOrThrow(e, deadline, "Cannot describe topics " + names + " on " + bootstrap);
            }
        }
    }

    private static Config logConfig(Admin admin, String topic, long deadline, String bootstrap, Duration timeout)
            throws InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        while (true) {
            try {
                return await(admin.describeConfigs(List.of(resource)).all(), deadline, bootstrap, timeout,
                        "describing the configs of " + topic).get(resource);
            } catch (ExecutionException e) {
                retryOrThrow(e, deadline, "Cannot read the configs of topic " + topic + " on " + bootstrap);
            }
        }
    }

    private static void retryOrThrow(ExecutionException e, long deadline, String message) throws InterruptedException {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || remainingMs(deadline) <= RETRY_PAUSE_MS) {
            throw new IllegalStateException(message + ": " + e.getCause().getMessage(), e.getCause());
        }
        Thread.sleep(RETRY_PAUSE_MS);
    }

    private static <T> T await(KafkaFuture<T> future, long deadline, String bootstrap, Duration timeout, String what)
            throws ExecutionException, InterruptedException {
        try {
            return future.get(Math.max(0, remainingMs(deadline)), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw noAnswer(bootstrap, timeout, what, e);
        } catch (ExecutionException e) {
            // The admin client's own timeout (same budget) surfaces as a failed future rather than a get() timeout.
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw noAnswer(bootstrap, timeout, what, e.getCause());
            }
            throw e;
        }
    }

    private static IllegalStateException noAnswer(String bootstrap, Duration timeout, String what, Throwable cause) {
        return new IllegalStateException("Kafka at " + bootstrap + " did not answer within " + timeout.toMillis()
                + " ms while " + what + ". Is it running and reachable from here?", cause);
    }

    private static long remainingMs(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }
}
