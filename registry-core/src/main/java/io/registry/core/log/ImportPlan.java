package io.registry.core.log;

import io.registry.core.log.LogKey.SchemaKey;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.log.LogValue.SchemaValue;
import io.registry.core.schema.SchemaReference;
import io.registry.core.subject.QualifiedSubject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How {@code registry import} replays a {@link LogSnapshot} into an empty registry through its API, in IMPORT mode
 * so that the sequencer reproduces every id and version:
 * <ol>
 *   <li>{@link #registrations}: every version still in the log, live or soft-deleted, each after the versions it
 *       references (otherwise in the order they first appeared), registered with its id and version;</li>
 *   <li>{@link #softDeletes}: then the soft-deleted ones are deleted again;</li>
 *   <li>{@link #configs}: then the configs, after the registrations because a config's {@code alias} redirects
 *       its subject and its default/override metadata would be merged into the registered versions;</li>
 *   <li>{@link #subjectModes}, then the modes of the {@link #importScopes}: the dump's ({@link #scopeModes}) or,
 *       when it has none for a scope, the one the target had before the import.</li>
 * </ol>
 * IMPORT mode is set on every scope the registrations need it in ({@link #importScopes}): the global scope (null)
 * and the scope {@code :.ctx:} of each named context, since a context subject falls back to its context's mode and
 * not to the global one.
 */
public record ImportPlan(List<SchemaValue> registrations, List<SchemaKey> softDeletes,
                         Map<String, ConfigValue> configs, Map<String, String> subjectModes,
                         List<String> importScopes, Map<String, String> scopeModes) {

    public static ImportPlan of(LogSnapshot snapshot) {
        List<SchemaValue> ordered = new ArrayList<>();
        Set<SchemaKey> placed = new HashSet<>();
        for (SchemaValue v : snapshot.versions()) {
            place(v, snapshot, placed, new HashSet<>(), ordered);
        }
        List<SchemaKey> softDeletes = ordered.stream().filter(SchemaValue::deleted)
                .map(v -> new SchemaKey(v.subject(), v.version())).toList();
        List<String> scopes = new ArrayList<>();
        scopes.add(null);
        for (SchemaValue v : ordered) {
            String scope = QualifiedSubject.parentScope(v.subject());
            if (!scopes.contains(scope)) {
                scopes.add(scope);
            }
        }
        Map<String, String> subjectModes = new LinkedHashMap<>();
        Map<String, String> scopeModes = new LinkedHashMap<>();
        snapshot.modes().forEach((subject, mode) -> (isScope(subject) ? scopeModes : subjectModes).put(subject, mode));
        scopeModes.keySet().forEach(scope -> {
            if (!scopes.contains(scope)) {
                scopes.add(scope);
            }
        });
        return new ImportPlan(List.copyOf(ordered), softDeletes, snapshot.configs(), subjectModes,
                Collections.unmodifiableList(scopes), Collections.unmodifiableMap(scopeModes));
    }

    /** The global scope (null) or a context's own scope {@code :.ctx:}: what IMPORT is set on. */
    public static boolean isScope(String subject) {
        return subject == null || (!QualifiedSubject.parse(subject).isDefaultContext()
                && QualifiedSubject.parse(subject).name().isEmpty());
    }

    /** Places a version after the versions it references (when the snapshot holds them). */
    private static void place(SchemaValue v, LogSnapshot snapshot, Set<SchemaKey> placed, Set<SchemaKey> visiting,
                              List<SchemaValue> ordered) {
        SchemaKey key = new SchemaKey(v.subject(), v.version());
        if (placed.contains(key) || !visiting.add(key)) {
            return; // done, or a reference cycle (which the registry itself refuses): keep log order
        }
        for (SchemaReference ref : v.references()) {
            String subject = QualifiedSubject.qualifyReference(v.subject(), ref.subject());
            SchemaValue target = snapshot.version(subject, ref.version());
            if (target != null) {
                place(target, snapshot, placed, visiting, ordered);
            }
        }
        placed.add(key);
        ordered.add(v);
    }

}
