package io.registry.testkit.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sequencer is a Kafka Streams app with exactly_once_v2 and a changelogged store: it must run here. */
class ExactlyOnceStreamsTest {

    @Test
    void statefulExactlyOnceV2AppRunsAgainstTheEmbeddedBroker(@TempDir Path stateDir) throws Exception {
        String bootstrap = SharedTestKafka.get().bootstrapServers();
        String in = KafkaTestClients.unique("eos-in");
        String out = KafkaTestClients.unique("eos-out");
        KafkaTestClients.createTopic(bootstrap, in, Map.of());
        KafkaTestClients.createTopic(bootstrap, out, Map.of());

        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), Serdes.String()))
                .groupByKey()
                .count() // a changelogged store, like the sequencer's index
                .toStream()
                .mapValues(String::valueOf)
                .to(out, Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, KafkaTestClients.unique("eos-app"));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");

        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(bootstrap, Map.of())) {
            for (String key : List.of("a", "b", "a")) {
                producer.send(new ProducerRecord<>(in, key, "x")).get(10, TimeUnit.SECONDS);
            }
        }
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        try {
            streams.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<String> seen = List.of();
            while (System.nanoTime() < deadline) {
                seen = KafkaTestClients.readAll(bootstrap, out, "read_committed").stream()
                        .map(r -> r.key() + "=" + r.value()).toList();
                if (seen.size() >= 3) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(List.of("a=1", "b=1", "a=2"), seen, "streams state: " + streams.state());
        } finally {
            streams.close(Duration.ofSeconds(10));
        }
    }
}
