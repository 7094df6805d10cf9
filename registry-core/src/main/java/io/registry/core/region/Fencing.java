package io.registry.core.region;

import java.util.Map;
import java.util.Optional;

/**
 * Whether this region may still write the log. Kafka transactions fence a second sequencer within one cluster; across
 * regions there is no shared broker, so the region epochs decide: a region whose peer holds a higher epoch was
 * superseded by that peer's promotion, and every write it would still accept could give an id twice.
 */
public final class Fencing {
    private Fencing() {
    }

    /**
     * @param own   this region's epoch (from its own cluster)
     * @param peers the epochs read from the peer regions that answered, by region name
     * @return why this region must not write, or empty when no answering peer supersedes it
     */
    public static Optional<String> supersededBy(RegionEpoch own, Map<String, RegionEpoch> peers) {
        RegionEpoch highest = null;
        for (RegionEpoch peer : peers.values()) {
            if (peer.epoch() > own.epoch() && (highest == null || peer.epoch() > highest.epoch())) {
                highest = peer;
            }
        }
        if (highest == null) {
            return Optional.empty();
        }
        return Optional.of("This region (epoch " + own.epoch() + ") was superseded: region '" + highest.region()
                + "' was promoted to primary with epoch " + highest.epoch() + "; send writes there, and bring this "
                + "region back as a replica of it");
    }
}
