package io.registry.api.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.registry.readmodel.ReadModel;
import io.registry.readmodel.StoredSchema;

import java.util.Optional;

/**
 * Schemas by id never change once written, so they are cached in-process with no invalidation, bounded by
 * approximate bytes rather than entries (a few huge schemas must not blow the heap). Misses are not cached:
 * an id unknown now may be registered a moment later.
 */
public final class SchemaByIdCache {
    private final ReadModel readModel;
    private final Cache<Integer, StoredSchema> cache;

    public SchemaByIdCache(ReadModel readModel, long maxBytes) {
        this.readModel = readModel;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Integer id, StoredSchema s) -> 64 + 2 * s.schema().length() + s.fingerprint().length())
                .build();
    }

    public Optional<StoredSchema> get(int id) {
        StoredSchema cached = cache.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredSchema> loaded = readModel.schemaById(id);
        loaded.ifPresent(s -> cache.put(id, s));
        return loaded;
    }
}
