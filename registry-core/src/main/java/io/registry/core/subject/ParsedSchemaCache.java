package io.registry.core.subject;

import io.registry.core.schema.ParsedSchema;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small LRU of parsed schemas by id, so compatibility checks do not re-parse history on every command. */
final class ParsedSchemaCache {
    private final Map<Integer, ParsedSchema> entries;

    ParsedSchemaCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, ParsedSchema> eldest) {
                return size() > capacity;
            }
        };
    }

    ParsedSchema get(int id) {
        return entries.get(id);
    }

    void put(int id, ParsedSchema schema) {
        entries.put(id, schema);
    }
}
