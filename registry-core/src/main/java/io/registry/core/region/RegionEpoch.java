package io.registry.core.region;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which region owns the log, and since when. Epoch 0 is the region that created the log; each promotion of a
 * replica region writes {@code epoch + 1} into the promoted region's own cluster. A region that finds a peer with a
 * higher epoch than its own was superseded and must not write again ({@link Fencing}).
 *
 * <p>{@code idFloor}: the promoted region gives no schema id below it. Writes the lost primary acknowledged but never
 * mirrored may have used ids just above the last mirrored one; producers may already have serialized data with
 * them, so the new primary skips a margin rather than hand those ids to other schemas.
 *
 * <p>Wire format ({@code _registry_region} topic, key {@code epoch}): JSON, version {@code v}; fields are only ever
 * added.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegionEpoch(int v, long epoch, String region, int idFloor, long promotedAtMs) {
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The epoch of a log no promotion has touched. */
    public static RegionEpoch initial(String region) {
        return new RegionEpoch(VERSION, 0, region, 0, 0);
    }

    /** The epoch a promotion of {@code region} writes, superseding every epoch it knows of. */
    public static RegionEpoch promote(String region, long highestKnownEpoch, int maxAssignedId, int idGap,
                                      long nowMs) {
        long floor = (long) maxAssignedId + 1 + Math.max(0, idGap);
        return new RegionEpoch(VERSION, highestKnownEpoch + 1, region, (int) Math.min(Integer.MAX_VALUE, floor), nowMs);
    }

    public byte[] encode() {
        try {
            return MAPPER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RegionEpoch decode(byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, RegionEpoch.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Unreadable region epoch: " + e.getMessage(), e);
        }
    }
}
