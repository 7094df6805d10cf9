package io.registry.launcher;

import io.registry.kafka.region.RegionDirectory;
import io.registry.region.promotion.Promotion;

import java.time.Duration;

/**
 * {@code ./registry promote}: makes the region whose Kafka cluster is {@code KAFKA_BOOTSTRAP_SERVERS} the primary
 * (see {@link Promotion}). Run it with the region's streams role stopped, then start that role as a primary
 * (without {@code registry.region.role=replica}). In dev mode, {@code ./registry dev --promote} does both.
 */
final class PromoteCommand {
    /** Ids skipped above the highest mirrored one; {@code REGISTRY_PROMOTION_ID_GAP}. */
    static final int DEFAULT_ID_GAP = 10_000;

    private PromoteCommand() {
    }

    static Promotion.Result run() {
        String bootstrap = setting("registry.kafka.bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        String region = setting("registry.region.name", null, "local");
        String primary = setting("registry.region.primary-bootstrap-servers", null, null);
        return promoteAndReport(region, bootstrap, primary);
    }

    static Promotion.Result promoteAndReport(String region, String bootstrap, String formerPrimary) {
        String logTopic = setting("registry.topics.log", null, "_schemas");
        String directory = setting("registry.topics.region", null, RegionDirectory.DEFAULT_TOPIC);
        short rf = Short.parseShort(setting("registry.topics.replication-factor", null, "1"));
        int gap = Integer.parseInt(setting("registry.promotion.id-gap", "REGISTRY_PROMOTION_ID_GAP",
                Integer.toString(DEFAULT_ID_GAP)));
        Promotion.Result result = Promotion.promote(region, bootstrap, logTopic, directory, rf, formerPrimary, gap,
                Duration.ofSeconds(30));
        System.out.println("registry promote: region '" + region + "' is now the primary with epoch "
                + result.epoch().epoch() + " (was " + result.previousEpoch() + "); highest schema id on its log "
                + result.maxIdOnLog() + ", new ids start at " + result.epoch().idFloor()
                + "; a former primary that reaches this region refuses every write from then on");
        return result;
    }

    /** A setting as every role reads it: {@code -Dkey}, then its environment variable, then a fallback. */
    private static String setting(String key, String alternativeEnv, String fallback) {
        String v = System.getProperty(key);
        if (v == null) {
            v = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (v == null && alternativeEnv != null) {
            v = System.getenv(alternativeEnv);
        }
        return v == null || v.isBlank() ? fallback : v;
    }
}
