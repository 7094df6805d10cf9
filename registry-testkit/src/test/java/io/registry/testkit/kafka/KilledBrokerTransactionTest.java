package io.registry.testkit.kafka;

import io.registry.kafka.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded node SIGKILLed (its JVM, a child here) while a transactional producer has a transaction open on a
 * topic and a transactional offset commit pending in {@code __consumer_offsets} — what a Kafka Streams exactly-once
 * task leaves when {@code ./registry dev} is killed — then started again on the same directory. The broker must
 * abort that transaction by itself (its timeout has passed): the topic's last stable offset reaches its end and the
 * group's offsets become stable. Before the node fenced its dead incarnation first, the abort markers could be
 * dropped and the transaction stayed open for good; that race depends on timing (the coordinator's abort meeting the
 * node's fencing) and this test did not catch it in a handful of runs: {@code DevProcessCrashTest} did. This one pins
 * the broker-level promise, offsets included.
 */
class KilledBrokerTransactionTest {
    static final String TOPIC = "killed-txn";
    static final String GROUP = "killed-txn-group";
    /** The dead producer's transaction timeout plus ample time for the restart on a busy host. */
    static final Duration RESOLVED_WITHIN = Duration.ofSeconds(60);

    @Test
    void aTransactionLeftOpenByAKilledNodeIsAbortedAfterTheRestart(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), OpenTransaction.class.getName(),
                dir.resolve("data").toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 120_000;
            while (!Files.readString(log).contains(OpenTransaction.IN_TRANSACTION)) {
                assertTrue(child.isAlive() && System.currentTimeMillis() < deadline, Files.readString(log));
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("data"), port);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicPartition tp = new TopicPartition(TOPIC, 0);
            long deadline = System.nanoTime() + RESOLVED_WITHIN.toNanos();
            long end = offset(admin, tp, IsolationLevel.READ_UNCOMMITTED);
            long stable = offset(admin, tp, IsolationLevel.READ_COMMITTED);
            while (stable < end && System.nanoTime() < deadline) {
                Thread.sleep(200);
                end = offset(admin, tp, IsolationLevel.READ_UNCOMMITTED);
                stable = offset(admin, tp, IsolationLevel.READ_COMMITTED);
            }
            assertEquals(end, stable, "the dead producer's transaction is still open on " + tp);
            // requireStable: refused (UNSTABLE_OFFSET_COMMIT, retried by the admin client) while the transactional
            // offset commit is pending. The committed offset is the last committed transaction's, not the aborted one's.
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(
                            Map.of(GROUP, new ListConsumerGroupOffsetsSpec()),
                            new ListConsumerGroupOffsetsOptions().requireStable(true))
                    .partitionsToOffsetAndMetadata(GROUP)
                    .get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L), TimeUnit.SECONDS);
            assertEquals(OpenTransaction.COMMITTED, offsets.get(tp).offset());
        }
    }

    private static long offset(Admin admin, TopicPartition tp, IsolationLevel level) throws Exception {
        return admin.listOffsets(Map.of(tp, OffsetSpec.latest()), new ListOffsetsOptions(level)).all()
                .get(30, TimeUnit.SECONDS).get(tp).offset();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** The child JVM: the node, a few committed transactions, then one left open until the JVM is killed. */
    public static final class OpenTransaction {
        static final String IN_TRANSACTION = "transaction open";
        static final long COMMITTED = 3;

        public static void main(String[] args) throws Exception {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]));
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "killed-txn-" + System.nanoTime());
            p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
            KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
            producer.initTransactions();
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
            TopicPartition tp = new TopicPartition(TOPIC, 0);
            List<Long> commits = new ArrayList<>();
            for (long i = 1; ; i++) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, "k" + i, "v" + i)).get();
                producer.sendOffsetsToTransaction(Map.of(tp, new OffsetAndMetadata(i)), consumer.groupMetadata());
                if (i > COMMITTED) {
                    producer.flush();
                    System.out.println(IN_TRANSACTION + " after " + commits);
                    Thread.sleep(Long.MAX_VALUE); // SIGKILLed here
                }
                producer.commitTransaction();
                commits.add(i);
            }
        }
    }
}
