package io.registry.streams.region;

import io.registry.core.region.Fencing;
import io.registry.core.region.RegionEpoch;
import io.registry.kafka.region.RegionDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps asking whether this (primary) region was superseded: every {@code interval} it reads its own directory
 * (its epoch and the replicas that registered with it) and each peer's epoch. Once a peer answers with a higher
 * epoch, the sequencer refuses every command ({@link #supersededReason()}); the answer is sticky, since a region
 * that lost its role never gets it back by itself. Peers that do not answer are skipped: a primary keeps writing
 * through a cut link to its replicas (see the README, "Promotion").
 *
 * <p>Each directory (its own and every peer's) is read by one {@link RegionDirectory.Follower} kept for the life of
 * the fence: a check costs an end-offset request per cluster, not a new consumer (threads, connection, metadata)
 * per cluster every interval, which every idle primary paid. One thread at a time touches the followers: the first
 * check runs before the timer starts, the others on the timer thread.
 */
public final class RegionFence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegionFence.class);

    private final String region;
    private final String ownBootstrap;
    private final String topic;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private volatile String superseded;
    private volatile RegionEpoch ownEpoch;
    private RegionDirectory.Follower own;
    /** Peer region name → the follower of its directory, at the address the peer registered. */
    private final Map<String, RegionDirectory.Follower> peers = new HashMap<>();

    private RegionFence(String region, String ownBootstrap, String topic, Duration timeout, RegionEpoch ownEpoch) {
        this.region = region;
        this.ownBootstrap = ownBootstrap;
        this.topic = topic;
        this.timeout = timeout;
        this.ownEpoch = ownEpoch;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "registry-region-fence");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Reads this region's epoch (creating the directory topic if needed), checks the peers once, then keeps checking
     * every {@code interval}.
     */
    public static RegionFence start(String region, String ownBootstrap, String topic, short replicationFactor,
                                    Duration interval, Duration timeout) {
        RegionDirectory.ensureTopic(ownBootstrap, topic, replicationFactor, Duration.ofSeconds(30));
        RegionEpoch own = RegionDirectory.read(ownBootstrap, topic, Duration.ofSeconds(30)).epochOr(region);
        RegionFence fence = new RegionFence(region, ownBootstrap, topic, timeout, own);
        fence.check();
        fence.timer.scheduleWithFixedDelay(fence::check, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return fence;
    }

    /** This region's epoch as of the start; its {@code idFloor} bounds the ids the sequencer may give. */
    public RegionEpoch ownEpoch() {
        return ownEpoch;
    }

    public Optional<String> supersededReason() {
        return Optional.ofNullable(superseded);
    }

    void check() {
        if (superseded != null) {
            return;
        }
        try {
            if (own == null) {
                own = RegionDirectory.follow(ownBootstrap, topic, timeout);
            }
            RegionDirectory.Snapshot directory = own.read(timeout);
            ownEpoch = directory.epochOr(region);
            Map<String, RegionEpoch> answered = new HashMap<>();
            followOnly(directory.peers());
            directory.peers().forEach((name, bootstrap) -> {
                try {
                    answered.put(name, peers.computeIfAbsent(name,
                            n -> RegionDirectory.follow(bootstrap, topic, timeout)).read(timeout).epochOr(name));
                } catch (RuntimeException e) {
                    LOG.debug("Region {} at {} did not answer: {}", name, bootstrap, e.getMessage());
                }
            });
            Fencing.supersededBy(ownEpoch, answered).ifPresent(reason -> {
                superseded = reason;
                LOG.error("Refusing every write from now on. {}", reason);
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not check the region directory: {}", e.getMessage());
        }
    }

    /** Drops the followers of peers that left the directory or registered another address. */
    private void followOnly(Map<String, String> registered) {
        peers.entrySet().removeIf(peer -> {
            boolean stale = !peer.getValue().bootstrap().equals(registered.get(peer.getKey()));
            if (stale) {
                peer.getValue().close();
            }
            return stale;
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            // the followers belong to the timer thread: close them once a check in progress has ended
            if (!timer.awaitTermination(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                LOG.warn("The region fence's check did not end within {}; leaving its consumers", timeout);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        peers.values().forEach(RegionDirectory.Follower::close);
        peers.clear();
        if (own != null) {
            own.close();
        }
    }
}
