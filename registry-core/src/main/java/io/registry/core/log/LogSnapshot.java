package io.registry.core.log;

import io.registry.core.log.LogKey.SchemaKey;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.log.LogValue.SchemaValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sequence of {@code _schemas} records amounts to: every subject version still there (live or soft-deleted,
 * in the order each first appeared), the configs and the modes. The same folding rules as the sequencer's index:
 * a tombstone removes its key, {@code DELETE_SUBJECT} soft-deletes the versions up to its version,
 * {@code CLEAR_SUBJECT} removes the subject's versions, {@code NOOP} changes nothing.
 */
public final class LogSnapshot {
    private final Map<SchemaKey, SchemaValue> versions = new LinkedHashMap<>();
    /** Keyed by subject; the null key is the global scope. */
    private final Map<String, ConfigValue> configs = new LinkedHashMap<>();
    private final Map<String, String> modes = new LinkedHashMap<>();

    public static LogSnapshot of(Iterable<LogEvent> events) {
        LogSnapshot snapshot = new LogSnapshot();
        events.forEach(snapshot::apply);
        return snapshot;
    }

    public void apply(LogEvent event) {
        LogKey key = event.key();
        LogValue value = event.value();
        if (key instanceof SchemaKey k) {
            if (value instanceof SchemaValue v) {
                versions.put(k, v);
            } else {
                versions.remove(k);
            }
        } else if (key instanceof LogKey.ConfigKey k) {
            put(configs, k.subject(), value instanceof ConfigValue v ? v : null);
        } else if (key instanceof LogKey.ModeKey k) {
            put(modes, k.subject(), value instanceof LogValue.ModeValue v ? v.mode() : null);
        } else if (key instanceof LogKey.DeleteSubjectKey k && value instanceof LogValue.DeleteSubjectValue v) {
            versions.replaceAll((vk, vv) -> vk.subject().equals(k.subject()) && vk.version() <= v.version()
                    ? vv.withDeleted(true) : vv);
        } else if (key instanceof LogKey.ClearSubjectKey k && value != null) {
            versions.keySet().removeIf(vk -> vk.subject().equals(k.subject()));
        }
    }

    /** Every version still in the log, live or soft-deleted, in the order each first appeared. */
    public List<SchemaValue> versions() {
        return List.copyOf(versions.values());
    }

    public SchemaValue version(String subject, int version) {
        return versions.get(new SchemaKey(subject, version));
    }

    /** Configs by subject (null: the global config), in the order each first appeared. */
    public Map<String, ConfigValue> configs() {
        return Collections.unmodifiableMap(configs);
    }

    /** Modes by subject (null: the global mode), in the order each first appeared. */
    public Map<String, String> modes() {
        return Collections.unmodifiableMap(modes);
    }

    /** The distinct subjects that hold versions, in the order they first appeared. */
    public List<String> subjects() {
        Set<String> subjects = new LinkedHashSet<>();
        versions.keySet().forEach(k -> subjects.add(k.subject()));
        return List.copyOf(subjects);
    }

    private static <V> void put(Map<String, V> map, String subject, V value) {
        if (value == null) {
            map.remove(subject);
        } else {
            map.put(subject, value);
        }
    }
}
