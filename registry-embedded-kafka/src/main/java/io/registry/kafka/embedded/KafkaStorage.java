package io.registry.kafka.embedded;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;

/**
 * The on-disk side of the embedded node: checks the data directory is usable and formats it the first time
 * (what {@code kafka-storage.sh format} does). The cluster id lives in {@code meta.properties}, which Kafka reads
 * back on every later start, so a formatted directory is simply reused.
 */
final class KafkaStorage {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaStorage.class);
    static final String META_PROPERTIES = "meta.properties";
    /** Kafka's CleanShutdownFileHandler.CLEAN_SHUTDOWN_FILE_NAME (kafka-storage, only on the runtime classpath). */
    static final String CLEAN_SHUTDOWN_FILE = ".kafka_cleanshutdown";

    private KafkaStorage() {
    }

    /**
     * The Kafka log directory inside {@code dataDir}. A subdirectory, because Kafka treats every directory in a
     * log dir as a topic partition and refuses to start if a stranger lives there.
     */
    static Path logDir(Path dataDir) {
        return dataDir.resolve("kafka-logs");
    }

    /** Creates the directories and proves they are writable, with a message a newcomer can act on. */
    static void prepare(Path dataDir) {
        Path logDir = logDir(dataDir);
        try {
            Files.createDirectories(logDir);
            // Files.isWritable lies for root and for some mounts: really write something.
            Path probe = Files.createTempFile(logDir, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("Embedded Kafka cannot use data directory " + dataDir.toAbsolutePath()
                    + ": it is not a writable directory (" + e + "). Choose another directory or fix its permissions.", e);
        }
    }

    static boolean isFormatted(Path dataDir) {
        return Files.isRegularFile(logDir(dataDir).resolve(META_PROPERTIES));
    }

    /**
     * Whether the last run of the node on this directory stopped cleanly: Kafka writes this marker into the log dir
     * at the end of a clean shutdown and deletes it when it starts.
     */
    static boolean shutDownCleanly(Path dataDir) {
        return Files.exists(logDir(dataDir).resolve(CLEAN_SHUTDOWN_FILE));
    }

    /** Formats the log directory for a single combined node, unless a previous run already did. Returns the cluster id. */
    static String formatIfNeeded(Path dataDir, int nodeId, String controllerListener) {
        return formatIfNeeded(dataDir, nodeId, controllerListener, Uuid.randomUuid().toString());
    }

    /** As above, with the cluster id every node of a multi-node cluster must share. */
    static String formatIfNeeded(Path dataDir, int nodeId, String controllerListener, String newClusterId) {
        Path logDir = logDir(dataDir);
        if (isFormatted(dataDir)) {
            String clusterId = readClusterId(logDir);
            LOG.info("Reusing Kafka storage in {} (cluster id {})", logDir, clusterId);
            return clusterId;
        }
        String clusterId = newClusterId;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out) // the default is System.out; we log instead
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(controllerListener)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
        LOG.info("Formatted Kafka storage in {} (cluster id {})", logDir, clusterId);
        LOG.debug("Formatter output: {}", output.toString(StandardCharsets.UTF_8).trim());
        return clusterId;
    }

    private static String readClusterId(Path logDir) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(logDir.resolve(META_PROPERTIES))) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + logDir.resolve(META_PROPERTIES) + ": " + e.getMessage(), e);
        }
        return props.getProperty("cluster.id", "?");
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("Could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not fully delete {}: {}", dir, e.toString());
        }
    }
}
