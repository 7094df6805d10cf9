package io.registry.kafka;

import io.registry.testkit.kafka.SharedTestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicBootstrapTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static String bootstrap;
    private static Admin admin;

    @BeforeAll
    static void connect() {
        bootstrap = SharedTestKafka.get().bootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    @AfterAll
    static void disconnect() {
        admin.close(Duration.ofSeconds(2));
    }

    /** The default names plus a unique suffix: the shared broker outlives every test. */
    private static TopicLayout uniqueLayout() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        TopicLayout d = TopicLayout.defaults();
        return new TopicLayout(d.log() + "-" + id, d.commands() + "-" + id, d.replies() + "-" + id,
                d.replyPartitions(), d.replicationFactor(), d.minInsyncReplicas(), d.audit() + "-" + id);
    }

    @Test
    void createsTheThreeTopicsWithTheirConfigs() throws Exception {
        TopicLayout layout = uniqueLayout();
        TopicBootstrap.ensureTopics(bootstrap, layout, TIMEOUT);

        Map<String, TopicDescription> topics = describe(layout);
        assertEquals(1, topics.get(layout.log()).partitions().size());
        assertEquals(1, topics.get(layout.commands()).partitions().size());
        assertEquals(4, topics.get(layout.replies()).partitions().size());
        topics.values().forEach(t -> assertEquals(1, t.partitions().get(0).replicas().size(), t.name()));

        Config log = config(layout.log());
        assertEquals("compact", log.get("cleanup.policy").value());
        assertEquals("1", log.get("min.insync.replicas").value());
        assertEquals("false", log.get("unclean.leader.election.enable").value());
        for (String shortLived : List.of(layout.commands(), layout.replies())) {
            Config c = config(shortLived);
            assertEquals("delete", c.get("cleanup.policy").value(), shortLived);
            assertEquals("3600000", c.get("retention.ms").value(), shortLived);
            assertEquals("600000", c.get("segment.ms").value(), shortLived);
            assertEquals("1", c.get("min.insync.replicas").value(), shortLived);
        }
        Config audit = config(layout.audit());
        assertEquals("delete", audit.get("cleanup.policy").value());
        assertEquals("-1", audit.get("retention.ms").value(), "the audit trail is kept forever");
        assertEquals("-1", audit.get("retention.bytes").value());
    }

    @Test
    void secondCallIsANoOp() throws Exception {
        TopicLayout layout = uniqueLayout();
        TopicBootstrap.ensureTopics(bootstrap, layout, TIMEOUT);
        Map<String, TopicDescription> before = describe(layout);
        TopicBootstrap.ensureTopics(bootstrap, layout, TIMEOUT);
        Map<String, TopicDescription> after = describe(layout);
        for (String name : before.keySet()) {
            assertEquals(before.get(name).topicId(), after.get(name).topicId(), name);
            assertEquals(before.get(name).partitions().size(), after.get(name).partitions().size(), name);
        }
    }

    @Test
    void nodesStartingTogetherAllSucceed() throws Exception {
        TopicLayout layout = uniqueLayout();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit((Callable<Void>) () -> {
                    TopicBootstrap.ensureTopics(bootstrap, layout, TIMEOUT);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4, describe(layout).get(layout.replies()).partitions().size());
    }

    @Test
    void rejectsAnExistingLogTopicWithThreePartitions() throws Exception {
        TopicLayout layout = uniqueLayout();
        create(layout.log(), 3, Map.of("cleanup.policy", "compact"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TopicBootstrap.ensureTopics(bootstrap, layout, TIMEOUT));
        assertTrue(e.getMessage().contains("'" + layout.log() + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("has 3 partitions but must have exactly 1"), e.getMessage());
    }

    @Test
    void rejectsAnExistingLogTopicThatIsNotCompacted() throws Exception {
        TopicLayout layout = uniqueLayout();
        create(layout.log(), 1, Map.of("cleanup.policy", "delete"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TopicBootstrap.ensureTopics(bootstrap, layout, TIMEOUT));
        assertTrue(e.getMessage().contains("cleanup.policy=delete but must be cleanup.policy=compact"), e.getMessage());
    }

    @Test
    void rejectsAnExistingCommandsTopicWithSeveralPartitions() throws Exception {
        TopicLayout layout = uniqueLayout();
        create(layout.commands(), 2, Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TopicBootstrap.ensureTopics(bootstrap, layout, TIMEOUT));
        assertTrue(e.getMessage().contains("'" + layout.commands() + "'") && e.getMessage().contains("exactly 1"),
                e.getMessage());
    }

    @Test
    void adoptsAnExistingCompactedLogTopicAsConfluentCreatesIt() throws Exception {
        TopicLayout layout = uniqueLayout();
        create(layout.log(), 1, Map.of("cleanup.policy", "compact"));
        TopicBootstrap.ensureTopics(bootstrap, layout, TIMEOUT);
        assertEquals(3, describe(layout).size());
    }

    @Test
    void replicationFactorAboveTheBrokerCountIsAClearError() {
        TopicLayout d = uniqueLayout();
        TopicLayout layout = new TopicLayout(d.log(), d.commands(), d.replies(), 4, (short) 3, 2, d.audit());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TopicBootstrap.ensureTopics(bootstrap, layout, TIMEOUT));
        assertTrue(e.getMessage().startsWith("Cannot create topic " + layout.log()), e.getMessage());
        assertTrue(e.getMessage().contains("replication factor 3"), e.getMessage());
    }

    @Test
    void unreachableKafkaFailsWithinTheTimeout() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            deadPort = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TopicBootstrap.ensureTopics("127.0.0.1:" + deadPort, TopicLayout.defaults(), Duration.ofSeconds(2)));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(e.getMessage().contains("did not answer within 2000 ms"), e.getMessage());
        assertTrue(ms < 6000, "took " + ms + " ms");
    }

    private static void create(String topic, int partitions, Map<String, String> configs) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs)))
                .all().get(10, TimeUnit.SECONDS);
    }

    private static Map<String, TopicDescription> describe(TopicLayout layout) throws Exception {
        return admin.describeTopics(List.of(layout.log(), layout.commands(), layout.replies()))
                .allTopicNames().get(10, TimeUnit.SECONDS);
    }

    private static Config config(String topic) throws Exception {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(r)).all().get(10, TimeUnit.SECONDS).get(r);
    }
}
