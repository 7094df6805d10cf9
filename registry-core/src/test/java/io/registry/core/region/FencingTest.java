package io.registry.core.region;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FencingTest {
    @Test
    void aPeerWithAHigherEpochSupersedesThisRegion() {
        RegionEpoch own = RegionEpoch.initial("eu");
        RegionEpoch promoted = RegionEpoch.promote("us", 0, 41, 1000, 1L);
        assertEquals(1, promoted.epoch());
        assertEquals(1042, promoted.idFloor());
        String reason = Fencing.supersededBy(own, Map.of("us", promoted)).orElseThrow();
        assertTrue(reason.contains("'us'") && reason.contains("epoch 1"), reason);
    }

    @Test
    void equalOrLowerEpochsDoNot() {
        RegionEpoch own = RegionEpoch.promote("us", 0, 10, 0, 1L);
        assertTrue(Fencing.supersededBy(own, Map.of("eu", RegionEpoch.initial("eu"))).isEmpty());
        assertTrue(Fencing.supersededBy(own, Map.of("us2", RegionEpoch.promote("us2", 0, 3, 0, 2L))).isEmpty());
        assertTrue(Fencing.supersededBy(own, Map.of()).isEmpty());
    }

    @Test
    void theWireFormatRoundTripsAndIgnoresUnknownFields() {
        RegionEpoch e = RegionEpoch.promote("us", 3, 99, 10, 5L);
        assertEquals(e, RegionEpoch.decode(e.encode()));
        RegionEpoch later = RegionEpoch.decode(
                "{\"v\":2,\"epoch\":7,\"region\":\"x\",\"idFloor\":5,\"promotedAtMs\":1,\"future\":true}".getBytes());
        assertEquals(7, later.epoch());
    }

    @Test
    void theFloorNeverOverflows() {
        assertEquals(Integer.MAX_VALUE, RegionEpoch.promote("x", 0, Integer.MAX_VALUE - 1, 10, 0).idFloor());
    }
}
