package io.registry.perf;

import io.registry.kafka.embedded.EmbeddedKafkaBroker;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A plain single-node KRaft broker in its own JVM (the registry's embedded broker, nothing else), for running
 * another registry (Apicurio's kafkasql storage) against the same Kafka as ours in {@code perf/run register-apicurio}.
 * Runs until SIGTERM, then stops the broker cleanly.
 *
 * <pre>java -cp perf/target/registry-perf.jar io.registry.perf.Broker DATA_DIR PORT</pre>
 */
public final class Broker {
    private Broker() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: Broker DATA_DIR PORT");
            System.exit(2);
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }));
        System.out.println("broker ready at " + broker.bootstrapServers());
        stopped.await();
    }
}
