package io.registry.core.subject;

import io.registry.core.log.LogValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The index as plain heap maps. It holds nothing the log does not: the sequencer builds one from the log whenever
 * its task starts and drops it whenever its task is closed, so a lookup or an update costs a map access, with no
 * serialisation and no changelog record.
 */
public class HeapRegistryIndex implements MutableRegistryIndex {
    private final Map<String, Map<String, Integer>> fingerprints = new HashMap<>();
    private final Map<String, Map<Integer, IndexedSchema>> schemas = new HashMap<>();
    private final Map<String, Integer> maxIds = new HashMap<>();
    /** Sorted, so that {@link #anyLiveVersion} reads a prefix range. */
    private final NavigableMap<String, List<IndexedVersion>> versions = new TreeMap<>();
    private final Map<String, LogValue.ConfigValue> configs = new HashMap<>();
    private final Map<String, String> modes = new HashMap<>();
    private final Map<String, List<Referrer>> referrers = new HashMap<>();
    private final int idFloor;
    private long lastSeq;

    public HeapRegistryIndex() {
        this(0);
    }

    /**
     * @param idFloor no id below it is given (a promoted region's margin over ids its lost primary may have given
     *                without mirroring them); 0 for none
     */
    public HeapRegistryIndex(int idFloor) {
        this.idFloor = idFloor;
    }

    @Override
    public Optional<Integer> idForFingerprint(String context, String fingerprint) {
        return Optional.ofNullable(fingerprints.getOrDefault(context, Map.of()).get(fingerprint));
    }

    @Override
    public Optional<IndexedSchema> schema(String context, int id) {
        return Optional.ofNullable(schemas.getOrDefault(context, Map.of()).get(id));
    }

    @Override
    public List<IndexedVersion> versions(String subject) {
        return versions.getOrDefault(subject, List.of());
    }

    /** Subjects that hold any version (live or soft-deleted), sorted. */
    @Override
    public List<String> subjects() {
        return versions.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).sorted()
                .toList();
    }

    @Override
    public boolean anyLiveVersion(String subjectPrefix) {
        for (Map.Entry<String, List<IndexedVersion>> e : versions.tailMap(subjectPrefix, true).entrySet()) {
            if (!e.getKey().startsWith(subjectPrefix)) {
                return false;
            }
            if (e.getValue().stream().anyMatch(v -> !v.deleted())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Referrer> referrers(String subject, int version) {
        return referrers.getOrDefault(referrerKey(subject, version), List.of());
    }

    @Override
    public void putReferrers(String subject, int version, List<Referrer> list) {
        if (list.isEmpty()) {
            referrers.remove(referrerKey(subject, version));
        } else {
            referrers.put(referrerKey(subject, version), List.copyOf(list));
        }
    }

    private static String referrerKey(String subject, int version) {
        return version + "\u0000" + subject;
    }

    @Override
    public Optional<LogValue.ConfigValue> config(String subject) {
        return Optional.ofNullable(configs.get(nullToEmpty(subject)));
    }

    @Override
    public Optional<String> mode(String subject) {
        return Optional.ofNullable(modes.get(nullToEmpty(subject)));
    }

    @Override
    public int maxId(String context) {
        return Math.max(maxIds.getOrDefault(context, 0), idFloor - 1);
    }

    @Override
    public long lastSeq() {
        return lastSeq;
    }

    @Override
    public void putSchema(String context, IndexedSchema schema, String fingerprint) {
        schemas.computeIfAbsent(context, c -> new HashMap<>()).put(schema.id(), schema);
        fingerprints.computeIfAbsent(context, c -> new HashMap<>()).putIfAbsent(fingerprint, schema.id());
    }

    @Override
    public void putVersions(String subject, List<IndexedVersion> list) {
        if (list.isEmpty()) {
            versions.remove(subject);
        } else {
            versions.put(subject, List.copyOf(list));
        }
    }

    @Override
    public void putConfig(String subject, LogValue.ConfigValue config) {
        if (config == null) {
            configs.remove(nullToEmpty(subject));
        } else {
            configs.put(nullToEmpty(subject), config);
        }
    }

    @Override
    public void putMode(String subject, String mode) {
        if (mode == null) {
            modes.remove(nullToEmpty(subject));
        } else {
            modes.put(nullToEmpty(subject), mode);
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

    /** The global setting (subject null) is kept under "", as the log's config and mode keys spell it. */
    private static String nullToEmpty(String subject) {
        return subject == null ? "" : subject;
    }
}
