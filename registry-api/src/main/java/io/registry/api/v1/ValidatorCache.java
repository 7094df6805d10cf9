package io.registry.api.v1;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.registry.api.read.RegistryReads;
import io.registry.core.validation.PayloadValidator;
import io.registry.core.validation.PayloadValidators;

/** Compiled payload validators by schema id: content by id is immutable, so they never go stale. */
public final class ValidatorCache {
    private final RegistryReads reads;
    private final Cache<Object, PayloadValidator> byId;

    public ValidatorCache(RegistryReads reads, int maxSize) {
        this.reads = reads;
        this.byId = Caffeine.newBuilder().maximumSize(maxSize).build();
    }

    /** @throws io.registry.api.http.RegistryException 40403 when the id is unknown */
    public PayloadValidator get(int id) {
        return get(id, null);
    }

    /**
     * @param message Protobuf only: the fully qualified message to validate against (null: the first one)
     * @throws io.registry.api.http.RegistryException 42201 when the schema has no such message
     */
    public PayloadValidator get(int id, String message) {
        Object key = message == null ? id : id + "\u0000" + message;
        PayloadValidator cached = byId.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        PayloadValidator compiled;
        try {
            compiled = PayloadValidators.compile(reads.parsed(reads.schema(id)), message);
        } catch (IllegalArgumentException e) {
            throw new io.registry.api.http.RegistryException(io.registry.core.command.ErrorCode.UNPROCESSABLE_ENTITY,
                    "Cannot validate against schema " + id + ": " + e.getMessage());
        }
        byId.put(key, compiled);
        return compiled;
    }
}
