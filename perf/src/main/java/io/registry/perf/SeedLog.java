package io.registry.perf;

import io.registry.core.log.LogKey;
import io.registry.core.log.LogRecordCodec;
import io.registry.core.log.LogValue;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.core.schema.SchemaType;
import io.registry.kafka.LogRecordHeaders;
import io.registry.kafka.TopicBootstrap;
import io.registry.kafka.TopicLayout;
import io.registry.kafka.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the log a registry holding N schemas would have (subject {@code perf-i}, version 1, id i, the record
 * {@code Perf<i>} that {@code lua/seed.lua} registers), straight into a fresh {@code ./registry dev} data directory,
 * before the registry first starts on it. The registry then adopts it as it adopts a Confluent {@code _schemas}
 * topic: the sequencer replays it into its index and both projections rebuild from it. So the 100k-schema
 * scenarios (cold start, rebuild rate, memory) need seconds of seeding instead of many minutes of registrations.
 *
 * <p>Records are encoded by the registry's own codec with the canonical form its parser produces, and carry the
 * sequence headers the sequencer writes.
 *
 * <pre>java -cp perf/target/registry-perf.jar io.registry.perf.SeedLog &lt;data-dir&gt; &lt;kafka-port&gt; &lt;count&gt;</pre>
 */
public final class SeedLog {
    private SeedLog() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: SeedLog <registry data dir> <kafka port> <schema count>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        TopicLayout layout = TopicLayout.defaults();
        long started = System.nanoTime();
        // The same broker directory ./registry dev uses (RegistryMain: <data dir>/kafka).
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), port)) {
            TopicBootstrap.ensureTopics(broker.bootstrapServers(), layout, Duration.ofSeconds(60));
            requireEmpty(broker.bootstrapServers(), layout.log());
            write(broker.bootstrapServers(), layout.log(), count);
        }
        System.out.printf("SeedLog: %d schemas written to %s in %d ms%n", count, layout.log(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void requireEmpty(String bootstrapServers, String log) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                bootstrapServers), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(log, 0);
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
            if (end > 0) {
                throw new IllegalStateException("the log " + log + " already holds " + end + " records: seed only a "
                        + "fresh data directory, before the registry first starts on it");
            }
        }
    }

    private static void write(String bootstrapServers, String log, int count) {
        SchemaParser parser = new SchemaParser(SchemaFormats.standard());
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 1; i <= count; i++) {
                String text = "{\"type\":\"record\",\"name\":\"Perf" + i
                        + "\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";
                ParsedSchema parsed = parser.parse(SchemaType.AVRO, text, List.of(), false,
                        (subject, version) -> Optional.empty());
                String name = "perf-" + i;
                LogValue value = new LogValue.SchemaValue(name, 1, i, SchemaType.AVRO, parsed.canonical(),
                        List.of(), null, null, false);
                producer.send(new ProducerRecord<>(log, 0, null,
                        LogRecordCodec.encodeKey(new LogKey.SchemaKey(name, 1)), LogRecordCodec.encodeValue(value),
                        LogRecordHeaders.of(i, null, null, System.currentTimeMillis())));
            }
            producer.flush();
        }
    }
}
