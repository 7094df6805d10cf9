package io.registry.core.subject;

import io.registry.core.log.LogEvent;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogValue;
import io.registry.core.schema.Fingerprints;
import io.registry.core.schema.SchemaReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds one log event into the sequencer's index, including the reverse index of references (which live versions
 * reference which subject version), so that deletes can be refused while a version is still referenced.
 */
final class IndexProjection {
    private IndexProjection() {
    }

    static void apply(LogEvent event, MutableRegistryIndex index) {
        LogKey key = event.key();
        LogValue value = event.value();
        if (key instanceof LogKey.SchemaKey k) {
            Optional<IndexedVersion> old = index.versions(k.subject()).stream()
                    .filter(v -> v.version() == k.version()).findFirst();
            old.filter(v -> !v.deleted()).ifPresent(v -> removeReferrer(index, k.subject(), v));
            if (value instanceof LogValue.SchemaValue v) {
                String context = QualifiedSubject.contextOf(k.subject());
                index.putSchema(context, new IndexedSchema(v.id(), v.schemaType(), v.schema(), v.references()),
                        Fingerprints.of(v.schemaType(), v.schema(), v.references()));
                index.putMaxId(context, Math.max(index.maxId(context), v.id()));
                IndexedVersion version = new IndexedVersion(k.version(), v.id(), v.deleted(), v.metadata(),
                        v.ruleSet());
                upsertVersion(index, k.subject(), version);
                if (!v.deleted()) {
                    addReferrer(index, k.subject(), version, v.references());
                }
            } else {
                removeVersion(index, k.subject(), k.version());
            }
        } else if (key instanceof LogKey.ConfigKey k) {
            index.putConfig(k.subject(), value instanceof LogValue.ConfigValue v ? v : null);
        } else if (key instanceof LogKey.ModeKey k) {
            index.putMode(k.subject(), value instanceof LogValue.ModeValue v ? v.mode() : null);
        } else if (key instanceof LogKey.DeleteSubjectKey k && value instanceof LogValue.DeleteSubjectValue v) {
            List<IndexedVersion> updated = new ArrayList<>();
            for (IndexedVersion existing : index.versions(k.subject())) {
                boolean deleted = existing.deleted() || existing.version() <= v.version();
                if (deleted && !existing.deleted()) {
                    removeReferrer(index, k.subject(), existing);
                }
                updated.add(existing.withDeleted(deleted));
            }
            index.putVersions(k.subject(), updated);
        } else if (key instanceof LogKey.ClearSubjectKey k && value != null) {
            for (IndexedVersion existing : index.versions(k.subject())) {
                if (!existing.deleted()) {
                    removeReferrer(index, k.subject(), existing);
                }
            }
            index.putVersions(k.subject(), List.of());
        }
    }

    private static void addReferrer(MutableRegistryIndex index, String subject, IndexedVersion version,
                                    List<SchemaReference> references) {
        Referrer referrer = new Referrer(subject, version.version(), version.id());
        for (SchemaReference ref : references) {
            String refSubject = QualifiedSubject.qualifyReference(subject, ref.subject());
            int target = ref.version();
            if (target == -1) {
                target = index.versions(refSubject).stream().filter(v -> !v.deleted())
                        .mapToInt(IndexedVersion::version).max().orElse(-1);
                if (target == -1) {
                    continue;
                }
            }
            List<Referrer> current = new ArrayList<>(index.referrers(refSubject, target));
            if (!current.contains(referrer)) {
                current.add(referrer);
                index.putReferrers(refSubject, target, current);
            }
        }
    }

    private static void removeReferrer(MutableRegistryIndex index, String subject, IndexedVersion version) {
        List<SchemaReference> references = index.schema(QualifiedSubject.contextOf(subject), version.id()).map(IndexedSchema::references)
                .orElse(List.of());
        for (SchemaReference ref : references) {
            String refSubject = QualifiedSubject.qualifyReference(subject, ref.subject());
            List<Integer> targets = ref.version() == -1
                    ? index.versions(refSubject).stream().map(IndexedVersion::version).toList()
                    : List.of(ref.version());
            for (int target : targets) {
                List<Referrer> current = index.referrers(refSubject, target);
                List<Referrer> kept = current.stream()
                        .filter(r -> !(r.subject().equals(subject) && r.version() == version.version())).toList();
                if (kept.size() != current.size()) {
                    index.putReferrers(refSubject, target, kept);
                }
            }
        }
    }

    private static void upsertVersion(MutableRegistryIndex index, String subject, IndexedVersion version) {
        List<IndexedVersion> updated = new ArrayList<>();
        boolean placed = false;
        for (IndexedVersion existing : index.versions(subject)) {
            if (!placed && existing.version() >= version.version()) {
                updated.add(version);
                placed = true;
                if (existing.version() == version.version()) {
                    continue;
                }
            }
            updated.add(existing);
        }
        if (!placed) {
            updated.add(version);
        }
        index.putVersions(subject, updated);
    }

    private static void removeVersion(MutableRegistryIndex index, String subject, int version) {
        index.putVersions(subject, index.versions(subject).stream().filter(v -> v.version() != version).toList());
    }
}
