package io.registry.readmodel;

import java.util.Map;
import java.util.OptionalLong;

/** How far each store's projection is, as this node sees it now. */
public interface ProjectionProgress {
    /**
     * The log sequence each store ("redis", "postgres") has applied, in the order reads try them; empty for a store
     * that is down (its circuit open, or it did not answer in time).
     */
    Map<String, OptionalLong> appliedSeqs();
}
