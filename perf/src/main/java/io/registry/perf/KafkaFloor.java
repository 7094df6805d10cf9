package io.registry.perf;

import io.registry.kafka.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The floor under a registration's latency that Kafka alone sets on this machine: one command's trip through
 * the embedded broker with plain clients and no registry code. Per round, serially: produce the command (acks=all),
 * then the sequencer's transaction (send to the log, replies and changelog partitions and flush; commit the
 * consumed offset into it; commit), then a read_committed consumer seeing the result. The registry does the
 * same plus deciding, projecting and HTTP, so its serial write latency cannot go below this sum.
 *
 * <pre>java -cp perf/target/registry-perf.jar io.registry.perf.KafkaFloor [rounds]</pre>
 */
public final class KafkaFloor {
    private KafkaFloor() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
            String servers = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
                admin.createTopics(List.of(new NewTopic("commands", 1, (short) 1), new NewTopic("log", 1, (short) 1),
                        new NewTopic("replies", 1, (short) 1), new NewTopic("changelog", 1, (short) 1)))
                        .all().get();
            }
            try (KafkaProducer<byte[], byte[]> commands = new KafkaProducer<>(Map.of("bootstrap.servers", servers,
                         "acks", "all", "linger.ms", 0), new ByteArraySerializer(), new ByteArraySerializer());
                 KafkaProducer<byte[], byte[]> sequencer = new KafkaProducer<>(Map.of("bootstrap.servers", servers,
                         "transactional.id", "floor", "linger.ms", 0), new ByteArraySerializer(),
                         new ByteArraySerializer());
                 KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(Map.of("bootstrap.servers", servers,
                         "isolation.level", "read_committed"), new ByteArrayDeserializer(),
                         new ByteArrayDeserializer())) {
                sequencer.initTransactions();
                TopicPartition replies = new TopicPartition("replies", 0);
                reader.assign(List.of(replies));
                reader.seekToEnd(List.of(replies));
                reader.position(replies);
                run(commands, sequencer, reader, rounds / 4, null); // warm-up (JIT, connections)
                run(commands, sequencer, reader, rounds, System.out);
            }
        }
    }

    private static void run(KafkaProducer<byte[], byte[]> commands, KafkaProducer<byte[], byte[]> sequencer,
                            KafkaConsumer<byte[], byte[]> reader, int rounds, java.io.PrintStream out)
            throws Exception {
        byte[] value = new byte[300];
        long produce = 0;
        long send = 0;
        long offsets = 0;
        long commit = 0;
        long visible = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            long offset = commands.send(new ProducerRecord<>("commands", value)).get().offset();
            long t1 = System.nanoTime();
            sequencer.beginTransaction();
            for (String topic : List.of("log", "replies", "changelog")) {
                sequencer.send(new ProducerRecord<>(topic, value));
            }
            sequencer.flush();
            long t2 = System.nanoTime();
            sequencer.sendOffsetsToTransaction(Map.of(new TopicPartition("commands", 0),
                    new OffsetAndMetadata(offset + 1)), new ConsumerGroupMetadata("floor"));
            long t3 = System.nanoTime();
            sequencer.commitTransaction();
            long t4 = System.nanoTime();
            while (reader.poll(Duration.ofSeconds(1)).isEmpty()) {
                Thread.onSpinWait();
            }
            long t5 = System.nanoTime();
            produce += t1 - t0;
            send += t2 - t1;
            offsets += t3 - t2;
            commit += t4 - t3;
            visible += t5 - t4;
        }
        if (out != null) {
            double n = rounds * 1e6;
            out.printf("KafkaFloor (%d serial rounds, ms each): produce command %.2f | transaction: send 3 + flush "
                            + "%.2f, send offsets %.2f, commit %.2f | visible to read_committed %.2f | total %.2f%n",
                    rounds, produce / n, send / n, offsets / n, commit / n, visible / n,
                    (produce + send + offsets + commit + visible) / n);
        }
    }
}
