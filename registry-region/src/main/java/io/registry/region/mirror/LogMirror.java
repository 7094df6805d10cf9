package io.registry.region.mirror;

import org.apache.kafka.connect.mirror.IdentityReplicationPolicy;
import org.apache.kafka.connect.mirror.MirrorMaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the primary region's log into this region's Kafka cluster with MirrorMaker 2, run in this process.
 * <ul>
 *   <li>{@link IdentityReplicationPolicy}: the default policy would name the copy {@code primary._schemas}, and every
 *       projector here reads the log by its own name.</li>
 *   <li>The source consumer reads {@code read_committed}: the sequencer writes the log in Kafka transactions, and
 *       MirrorMaker's default ({@code read_uncommitted}) would copy the records of aborted transactions — ids a
 *       crashed sequencer never handed out would appear in the replica.</li>
 *   <li>Record headers ({@code registry-seq}, …) are copied as they are, so sequences mean the same in both
 *       regions (offsets do not: the copy has no transaction markers).</li>
 *   <li>No heartbeats, checkpoints or group-offset syncing: nothing here consumes the copy with a group that would
 *       need translated offsets, and heartbeats would put records no registry code expects on the cluster.</li>
 * </ul>
 * Nothing is ever written to the primary: a replica region never writes to any copy of the log but through the
 * primary's sequencer.
 */
public final class LogMirror implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogMirror.class);
    static final String SOURCE = "primary";
    static final String TARGET = "local";

    private final MirrorMaker mirrorMaker;

    private LogMirror(MirrorMaker mirrorMaker) {
        this.mirrorMaker = mirrorMaker;
    }

    /**
     * Starts mirroring {@code logTopic} from {@code primaryBootstrap} into {@code localBootstrap}.
     *
     * @param replicationFactor of the copy and of MirrorMaker's internal topics in the local cluster
     */
    public static LogMirror start(String primaryBootstrap, String localBootstrap, String logTopic, String regionName,
                                  int replicationFactor) {
        MirrorMaker mm = new MirrorMaker(properties(primaryBootstrap, localBootstrap, logTopic, regionName,
                replicationFactor), List.of(TARGET));
        mm.start();
        LOG.info("Mirroring {} from {} into {} (MirrorMaker 2, identity policy)", logTopic, primaryBootstrap,
                localBootstrap);
        return new LogMirror(mm);
    }

    static Map<String, String> properties(String primaryBootstrap, String localBootstrap, String logTopic,
                                          String regionName, int replicationFactor) {
        String rf = Integer.toString(replicationFactor);
        String flow = SOURCE + "->" + TARGET;
        Map<String, String> p = new HashMap<>();
        p.put("clusters", SOURCE + ", " + TARGET);
        p.put(SOURCE + ".bootstrap.servers", primaryBootstrap);
        p.put(TARGET + ".bootstrap.servers", localBootstrap);
        p.put(flow + ".enabled", "true");
        p.put(TARGET + "->" + SOURCE + ".enabled", "false");
        p.put(flow + ".topics", java.util.regex.Pattern.quote(logTopic));
        p.put("replication.policy.class", IdentityReplicationPolicy.class.getName());
        p.put(SOURCE + ".consumer.isolation.level", "read_committed");
        p.put(flow + ".consumer.isolation.level", "read_committed");
        p.put("emit.heartbeats.enabled", "false");
        p.put("emit.checkpoints.enabled", "false");
        p.put("sync.group.offsets.enabled", "false");
        p.put("sync.topic.acls.enabled", "false");
        p.put("refresh.topics.interval.seconds", "5");
        p.put("refresh.groups.enabled", "false");
        p.put("replication.factor", rf);
        p.put("offset-syncs.topic.replication.factor", rf);
        p.put("offset-syncs.topic.location", "target");
        p.put("checkpoints.topic.replication.factor", rf);
        p.put("heartbeats.topic.replication.factor", rf);
        p.put("config.storage.replication.factor", rf);
        p.put("offset.storage.replication.factor", rf);
        p.put("status.storage.replication.factor", rf);
        // One region's mirror of one log: its Connect group and internal topics are named for the region, so two
        // replica regions on one cluster (tests) or a redeployment never share them.
        p.put(TARGET + ".group.id", "registry-mirror-" + regionName);
        p.put(TARGET + ".config.storage.topic", "_registry_mirror_configs_" + regionName);
        p.put(TARGET + ".offset.storage.topic", "_registry_mirror_offsets_" + regionName);
        p.put(TARGET + ".status.storage.topic", "_registry_mirror_status_" + regionName);
        p.put("tasks.max", "1");
        // Low latency: a record reaches the copy within ~the poll interval on a quiet link.
        p.put(flow + ".producer.linger.ms", "0");
        p.put("consumer.poll.timeout.ms", "100");
        p.put("offset.flush.interval.ms", "1000");
        // Connect scans the classpath for plugins twice at start (~25 s each here) unless told to trust the
        // ServiceLoader manifests, which every plugin MirrorMaker needs has.
        p.put("plugin.discovery", "service_load");
        return p;
    }

    @Override
    public void close() {
        mirrorMaker.stop();
        mirrorMaker.awaitStop();
    }
}
