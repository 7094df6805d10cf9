package io.registry.api.v1;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.registry.api.read.RegistryReads;
import io.registry.core.validation.PayloadValidator;
import io.registry.core.validation.PayloadValidators;

/** Compiled payload validators by schema id: content by id is immutable, so they never go stale. */
public final class ValidatorCache {
    private final RegistryReads reads;
    private final Cache<Integer, PayloadValidator> byId;

    public ValidatorCache(RegistryReads reads, int maxSize) {
        this.reads = reads;
        this.byId = Caffeine.newBuilder().maximumSize(maxSize).build();
    }

    /** @throws io.registry.api.http.RegistryException 40403 when the id is unknown */
    public PayloadValidator get(int id) {
        PayloadValidator cached = byId.getIfPresent(id);
        if (cached != null) {
            return cached;
        }
        PayloadValidator compiled = PayloadValidators.compile(reads.parsed(reads.schema(id)));
        byId.put(id, compiled);
        return compiled;
    }
}
