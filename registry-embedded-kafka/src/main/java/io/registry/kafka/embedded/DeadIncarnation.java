package io.registry.kafka.embedded;

import kafka.server.ControllerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.BrokerRegistration;
import org.apache.kafka.metadata.KRaftMetadataCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Fences the incarnation of the node that died without a clean shutdown (SIGKILL, power loss) before the node starts
 * again, by running its controller alone until the controller has fenced the dead broker.
 *
 * <p>Why: started straight away, the node's broker side acts on the metadata it left behind, in which it is still
 * the live leader of every partition, while its own controller refuses the new incarnation until the dead one's
 * session times out ({@code broker.session.timeout.ms}, 9 s) and then fences it: every partition is leaderless for a
 * moment, then led again at a new epoch. The transaction coordinator, which loaded {@code __transaction_state} in
 * the first phase, aborts the dead producer's timed-out transaction and sends its markers; a marker still queued when
 * the partitions go leaderless is dropped (Kafka takes a partition without a leader endpoint for a deleted one) and
 * the coordinator records the transaction as complete. The partitions keep that transaction open for good: the last
 * stable offset stays behind it, and a transactional offset commit in {@code __consumer_offsets} stays pending. Run
 * alone first, the controller fences the dead incarnation while no broker acts on its leaderships; the node then
 * starts with every partition leaderless, registers at once and is elected leader again before any coordinator
 * loads, so every marker finds its partition's leader.
 */
final class DeadIncarnation {
    private static final Logger LOG = LoggerFactory.getLogger(DeadIncarnation.class);
    /** The controller fences a dead broker after broker.session.timeout.ms (9 s by default); ample margin. */
    private static final Duration FENCE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private DeadIncarnation() {
    }

    /** True unless Kafka's clean-shutdown marker says the last run of this formatted directory stopped cleanly. */
    static boolean mayBeRegistered(Path dataDir) {
        return KafkaStorage.isFormatted(dataDir) && !KafkaStorage.shutDownCleanly(dataDir);
    }

    /** Runs the node's controller alone until it has fenced the node's previous broker incarnation. */
    static void fence(Path dataDir) {
        long started = System.nanoTime();
        int controllerPort = FreePorts.pick();
        KafkaRaftServer controller = new KafkaRaftServer(new KafkaConfig(
                BrokerSettings.soloController(KafkaStorage.logDir(dataDir), controllerPort), false), Time.SYSTEM);
        try {
            controller.startup();
            awaitFenced(controller);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Embedded Kafka could not fence the broker of its previous run (data in "
                    + dataDir.toAbsolutePath() + "): " + e.getMessage(), e);
        } finally {
            if (!EmbeddedKafkaBroker.stop(controller, STOP_TIMEOUT)) {
                LOG.warn("The embedded Kafka controller did not stop within {} s", STOP_TIMEOUT.toSeconds());
            }
        }
        LOG.info("Embedded Kafka's previous run ended without a clean shutdown; its broker was fenced in {} ms",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Polls the controller's own metadata image. (Not the Admin API: a DescribeCluster sent to a controller lists the
     * controllers, not the brokers.) KafkaRaftServer keeps its ControllerServer private; reflection reads it.
     */
    private static void awaitFenced(KafkaRaftServer server) {
        KRaftMetadataCache metadata = controllerMetadata(server);
        long deadline = System.nanoTime() + FENCE_TIMEOUT.toNanos();
        try {
            while (true) {
                BrokerRegistration broker = metadata.currentImage().cluster().broker(BrokerSettings.NODE_ID);
                if (broker == null || broker.fenced()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker was not fenced within " + FENCE_TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker to be fenced", e);
        }
    }

    private static KRaftMetadataCache controllerMetadata(KafkaRaftServer server) {
        try {
            Method controller = KafkaRaftServer.class.getDeclaredMethod("controller");
            controller.setAccessible(true);
            scala.Option<?> option = (scala.Option<?>) controller.invoke(server);
            return ((ControllerServer) option.get()).metadataCache();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the controller's metadata (Kafka version change?): " + e, e);
        }
    }
}
