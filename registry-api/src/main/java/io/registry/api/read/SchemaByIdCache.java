package io.registry.api.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.registry.core.subject.QualifiedSubject;
import io.registry.readmodel.ReadModel;
import io.registry.readmodel.StoredSchema;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Schemas by id never change once written, so they are cached in-process with no invalidation, bounded by
 * approximate bytes rather than entries (a few huge schemas must not blow the heap). Misses are not cached:
 * an id unknown now may be registered a moment later.
 *
 * <p>Ids are per schema context: the default context's entries are keyed by the bare {@code Integer} id (the hot
 * path, unchanged), a named context's by {@code "<context>:<id>"}.
 *
 * <p>Each entry also keeps its {@code GET /schemas/ids/{id}} answer, serialized once ({@link #cachedBody}), so a
 * hit is served from the Netty event loop with no thread hop, no read-model call and no serialization.
 *
 * <p>It counts answers served from the cache ({@link #hits}) and reads that went to the read model
 * ({@link #misses}); a lookup that only peeks ({@code getIfCached}, {@code cachedBody}) and finds nothing is not a
 * miss, since its caller then asks {@link #get}, which counts it.
 */
public final class SchemaByIdCache {
    private final ReadModel readModel;
    private final Cache<Object, Entry> cache;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    private static final class Entry {
        final StoredSchema schema;
        volatile byte[] body;

        Entry(StoredSchema schema) {
            this.schema = schema;
        }
    }

    public SchemaByIdCache(ReadModel readModel, long maxBytes) {
        this.readModel = readModel;
        // Weighs the schema (UTF-16 chars), its fingerprint and the serialized answer it will hold (~ its length).
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Object key, Entry e) -> 96 + 3 * e.schema.schema().length() + e.schema.fingerprint().length())
                .build();
    }

    private static Object key(String context, int id) {
        return QualifiedSubject.DEFAULT_CONTEXT.equals(context) ? (Object) id : context + ":" + id;
    }

    public Optional<StoredSchema> get(int id) {
        return get(QualifiedSubject.DEFAULT_CONTEXT, id);
    }

    public Optional<StoredSchema> get(String context, int id) {
        Object key = key(context, id);
        Entry cached = cache.getIfPresent(key);
        if (cached != null) {
            hits.increment();
            return Optional.of(cached.schema);
        }
        misses.increment();
        Optional<StoredSchema> loaded = readModel.schemaById(context, id);
        loaded.ifPresent(s -> cache.put(key, new Entry(s)));
        return loaded;
    }

    /** The schema if it is in the cache, else null; never touches the read model. */
    public StoredSchema getIfCached(String context, int id) {
        return peek(key(context, id));
    }

    /** The default context's schema if it is in the cache, else null; never touches the read model. */
    public StoredSchema getIfCached(int id) {
        return peek(id);
    }

    /**
     * The cached answer body for {@code id} of the default context, rendered by {@code render} on first use; null
     * when the id is not in the cache. Never touches the read model, so it is safe on an event loop.
     */
    public byte[] cachedBody(int id, Function<StoredSchema, byte[]> render) {
        Entry cached = cache.getIfPresent(id);
        if (cached == null) {
            return null;
        }
        hits.increment();
        byte[] body = cached.body;
        if (body == null) {
            body = render.apply(cached.schema);
            cached.body = body;
        }
        return body;
    }

    private StoredSchema peek(Object key) {
        Entry cached = cache.getIfPresent(key);
        if (cached == null) {
            return null;
        }
        hits.increment();
        return cached.schema;
    }

    /** Lookups answered from the cache (for metrics). */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that went to the read model (for metrics). */
    public long misses() {
        return misses.sum();
    }

    /** Schemas held now (approximate). */
    public long size() {
        return cache.estimatedSize();
    }
}
