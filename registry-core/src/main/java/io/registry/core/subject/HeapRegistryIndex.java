package io.registry.core.subject;

import io.registry.core.log.LogValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A map-backed index: what tests exercise the decision logic against, and the reference the cross-store replay
 * contract compares the read models with. Not thread-safe.
 */
public class HeapRegistryIndex implements MutableRegistryIndex {
    private final Map<String, Integer> fingerprints = new HashMap<>();
    private final Map<String, IndexedSchema> schemas = new HashMap<>();
    private final Map<String, Integer> maxIds = new HashMap<>();
    private final Map<String, List<IndexedVersion>> versions = new HashMap<>();
    private final Map<String, LogValue.ConfigValue> configs = new HashMap<>();
    private final Map<String, String> modes = new HashMap<>();
    private final Map<String, List<Referrer>> referrers = new HashMap<>();
    private long lastSeq;

    @Override
    public Optional<Integer> idForFingerprint(String context, String fingerprint) {
        return Optional.ofNullable(fingerprints.get(context + " " + fingerprint));
    }

    @Override
    public Optional<IndexedSchema> schema(String context, int id) {
        return Optional.ofNullable(schemas.get(context + " " + id));
    }

    /** Subjects that hold any version (live or soft-deleted), sorted. */
    public List<String> subjects() {
        return versions.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).sorted()
                .toList();
    }

    @Override
    public List<IndexedVersion> versions(String subject) {
        return versions.getOrDefault(subject, List.of());
    }

    @Override
    public boolean anyLiveVersion(String prefix) {
        return versions.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .flatMap(e -> e.getValue().stream()).anyMatch(v -> !v.deleted());
    }

    @Override
    public List<Referrer> referrers(String subject, int version) {
        return referrers.getOrDefault(subject + "\u0000" + version, List.of());
    }

    @Override
    public void putReferrers(String subject, int version, List<Referrer> list) {
        if (list.isEmpty()) {
            referrers.remove(subject + "\u0000" + version);
        } else {
            referrers.put(subject + "\u0000" + version, List.copyOf(list));
        }
    }

    @Override
    public Optional<LogValue.ConfigValue> config(String subject) {
        return Optional.ofNullable(configs.get(String.valueOf(subject)));
    }

    @Override
    public Optional<String> mode(String subject) {
        return Optional.ofNullable(modes.get(String.valueOf(subject)));
    }

    @Override
    public int maxId(String context) {
        return maxIds.getOrDefault(context, 0);
    }

    @Override
    public long lastSeq() {
        return lastSeq;
    }

    @Override
    public void putSchema(String context, IndexedSchema schema, String fingerprint) {
        schemas.put(context + " " + schema.id(), schema);
        fingerprints.putIfAbsent(context + " " + fingerprint, schema.id());
    }

    @Override
    public void putVersions(String subject, List<IndexedVersion> list) {
        versions.put(subject, List.copyOf(list));
    }

    @Override
    public void putConfig(String subject, LogValue.ConfigValue config) {
        if (config == null) {
            configs.remove(String.valueOf(subject));
        } else {
            configs.put(String.valueOf(subject), config);
        }
    }

    @Override
    public void putMode(String subject, String mode) {
        if (mode == null) {
            modes.remove(String.valueOf(subject));
        } else {
            modes.put(String.valueOf(subject), mode);
        }
    }

    @Override
    public void putMaxId(String context, int id) {
        maxIds.put(context, id);
    }

    @Override
    public void putLastSeq(long seq) {
        lastSeq = seq;
    }
}
