package io.registry.streams.sequencer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogRecordCodec;
import io.registry.core.log.LogValue;
import io.registry.core.subject.IndexedSchema;
import io.registry.core.subject.IndexedVersion;
import io.registry.core.subject.MutableRegistryIndex;
import io.registry.core.subject.QualifiedSubject;
import io.registry.core.subject.Referrer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The sequencer's index kept in a changelogged Kafka Streams store. Writes to it commit in the same transaction
 * as the log records and replies, so after a crash the index is exactly as of the last committed command.
 * Key layout: {@code fp/<fingerprint>} → id, {@code id/<id>} → schema JSON (default context; a named schema
 * context's ids and fingerprints are {@code fp/<context>/<fingerprint>} and {@code id/<context>/<id>}, context names
 * start with a dot so they never read as a number or a hex fingerprint), {@code sv/<subject>} → versions JSON,
 * {@code conf/<subject>} (the config record as the log spells it) and {@code mode/<subject>} (empty subject = global), {@code ref/<version>/<subject>} →
 * the live referrers of that version (JSON), {@code meta/…} counters.
 */
final class StoreRegistryIndex implements MutableRegistryIndex {
    static final String BOOTSTRAPPED = "meta/bootstrapped";
    /**
     * Layout version of the index. 2 added the reverse reference index ({@code ref/…}) and metadata/ruleSet in
     * {@code sv/…}: an index of an older layout is completed by replaying the log over it (applying is
     * idempotent, so the result equals a fresh build). 3 keeps ids, fingerprints and the max id per schema context;
     * an index of layout 2 or older may hold ids of named contexts in the default context's keys, so it is emptied
     * ({@link #resetIfOutdated}) and rebuilt from the log. 4 keeps each config record whole ({@code conf/…}, with
     * alias, validateFields, compatibilityGroup…) instead of its level and normalize flag apart; rebuilt likewise.
     */
    static final String FORMAT = "meta/format";
    static final String CURRENT_FORMAT = "4";
    private static final String MAX_ID = "meta/maxId";
    private static final String LAST_SEQ = "meta/lastSeq";
    /** Head of the audit chain (hex), committed with the records it covers so a restart resumes the chain. */
    private static final String LAST_HASH = "meta/lastHash";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<IndexedVersion>> VERSIONS = new TypeReference<>() {
    };

    private static final TypeReference<List<Referrer>> REFERRERS = new TypeReference<>() {
    };

    private final KeyValueStore<String, String> store;

    StoreRegistryIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** Built from the log, in the current layout. */
    boolean bootstrapped() {
        return store.get(BOOTSTRAPPED) != null && CURRENT_FORMAT.equals(store.get(FORMAT));
    }

    /**
     * Empties an index built in an older layout (before it is rebuilt from the log); answers whether it did. A store
     * without a layout mark is empty or was never bootstrapped, and is left as it is.
     */
    boolean resetIfOutdated() {
        String format = store.get(FORMAT);
        if (format == null || CURRENT_FORMAT.equals(format)) {
            return false;
        }
        List<String> keys = new java.util.ArrayList<>();
        try (KeyValueIterator<String, String> it = store.all()) {
            while (it.hasNext()) {
                keys.add(it.next().key);
            }
        }
        keys.forEach(store::delete);
        return true;
    }

    void markBootstrapped() {
        store.put(BOOTSTRAPPED, "1");
        store.put(FORMAT, CURRENT_FORMAT);
    }

    @Override
    public Optional<Integer> idForFingerprint(String context, String fingerprint) {
        return Optional.ofNullable(store.get("fp/" + scoped(context) + fingerprint)).map(Integer::valueOf);
    }

    @Override
    public Optional<IndexedSchema> schema(String context, int id) {
        return Optional.ofNullable(store.get("id/" + scoped(context) + id)).map(json -> read(json, IndexedSchema.class));
    }

    /** {@code ""} for the default context (the layout-2 keys), else {@code <context>/}. */
    private static String scoped(String context) {
        return QualifiedSubject.DEFAULT_CONTEXT.equals(context) ? "" : context + "/";
    }

    @Override
    public List<IndexedVersion> versions(String subject) {
        String json = store.get("sv/" + subject);
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, VERSIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scans the subjects (prefix {@code sv/}); only entering global IMPORT mode asks, which is rare. */
    @Override
    public boolean anyLiveVersion(String subjectPrefix) {
        try (KeyValueIterator<String, String> it = store.prefixScan("sv/" + subjectPrefix, new StringSerializer())) {
            while (it.hasNext()) {
                String json = it.next().value;
                try {
                    if (JSON.readValue(json, VERSIONS).stream().anyMatch(v -> !v.deleted())) {
                        return true;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return false;
    }

    @Override
    public List<Referrer> referrers(String subject, int version) {
        String json = store.get("ref/" + version + "/" + subject);
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, REFERRERS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void putReferrers(String subject, int version, List<Referrer> referrers) {
        putOrDelete("ref/" + version + "/" + subject, referrers.isEmpty() ? null : write(referrers));
    }

    @Override
    public Optional<LogValue.ConfigValue> config(String subject) {
        return Optional.ofNullable(store.get("conf/" + nullToEmpty(subject)))
                .map(json -> (LogValue.ConfigValue) LogRecordCodec.decodeValue(new LogKey.ConfigKey(subject),
                        json.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Optional<String> mode(String subject) {
        return Optional.ofNullable(store.get("mode/" + nullToEmpty(subject)));
    }

    @Override
    public int maxId(String context) {
        String v = store.get(maxIdKey(context));
        return v == null ? 0 : Integer.parseInt(v);
    }

    @Override
    public long lastSeq() {
        String v = store.get(LAST_SEQ);
        return v == null ? 0 : Long.parseLong(v);
    }

    @Override
    public void putSchema(String context, IndexedSchema schema, String fingerprint) {
        store.put("id/" + scoped(context) + schema.id(), write(schema));
        store.putIfAbsent("fp/" + scoped(context) + fingerprint, Integer.toString(schema.id()));
    }

    private static String maxIdKey(String context) {
        return QualifiedSubject.DEFAULT_CONTEXT.equals(context) ? MAX_ID : MAX_ID + "/" + context;
    }

    @Override
    public void putVersions(String subject, List<IndexedVersion> versions) {
        if (versions.isEmpty()) {
            store.delete("sv/" + subject);
        } else {
            store.put("sv/" + subject, write(versions));
        }
    }

    @Override
    public void putConfig(String subject, LogValue.ConfigValue config) {
        putOrDelete("conf/" + nullToEmpty(subject), config == null ? null
                : new String(LogRecordCodec.encodeValue(config), StandardCharsets.UTF_8));
    }

    @Override
    public void putMode(String subject, String mode) {
        putOrDelete("mode/" + nullToEmpty(subject), mode);
    }

    @Override
    public void putMaxId(String context, int id) {
        store.put(maxIdKey(context), Integer.toString(id));
    }

    Optional<String> lastHash() {
        return Optional.ofNullable(store.get(LAST_HASH));
    }

    void putLastHash(String hashHex) {
        store.put(LAST_HASH, hashHex);
    }

    @Override
    public void putLastSeq(long seq) {
        store.put(LAST_SEQ, Long.toString(seq));
    }

    private void putOrDelete(String key, String value) {
        if (value == null) {
            store.delete(key);
        } else {
            store.put(key, value);
        }
    }

    private static String nullToEmpty(String subject) {
        return subject == null ? "" : subject;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
