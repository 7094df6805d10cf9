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
 * in the order each first appeared), the configs and the modes. The log's one reading ({@link LogEventHandler}),
 * like the sequencer's index and the read models.
 */
public final class LogSnapshot implements LogEventHandler {
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
        event.dispatch(this);
    }

    @Override
    public void schema(SchemaValue value) {
        versions.put(new SchemaKey(value.subject(), value.version()), value);
    }

    @Override
    public void schemaTombstone(String subject, int version) {
        versions.remove(new SchemaKey(subject, version));
    }

    @Override
    public void config(String subject, ConfigValue value) {
        put(configs, subject, value);
    }

    @Override
    public void mode(String subject, String mode) {
        put(modes, subject, mode);
    }

    @Override
    public void deleteSubject(String subject, int upToVersion) {
        versions.replaceAll((k, v) -> k.subject().equals(subject) && k.version() <= upToVersion
                ? v.withDeleted(true) : v);
    }

    @Override
    public void clearSubject(String subject) {
        versions.entrySet().removeIf(e -> e.getKey().subject().equals(subject) && e.getValue().deleted());
    }

    @Override
    public void clearSubjects(ClearScope scope) {
        versions.entrySet().removeIf(e -> scope.contains(e.getKey().subject()) && e.getValue().deleted());
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
