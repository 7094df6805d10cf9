package io.registry.core.subject;

import io.registry.core.log.ClearScope;
import io.registry.core.log.LogEvent;
import io.registry.core.log.LogEventHandler;
import io.registry.core.log.LogValue;
import io.registry.core.schema.Fingerprints;
import io.registry.core.schema.SchemaReference;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds log events into the sequencer's index, including the reverse index of references (which live versions
 * reference which subject version), so that deletes can be refused while a version is still referenced. What each
 * record means is {@link LogEventHandler}'s, shared with the read models.
 */
final class IndexProjection implements LogEventHandler {
    private final MutableRegistryIndex index;

    private IndexProjection(MutableRegistryIndex index) {
        this.index = index;
    }

    static void apply(LogEvent event, MutableRegistryIndex index) {
        event.dispatch(new IndexProjection(index));
    }

    @Override
    public void schema(LogValue.SchemaValue v) {
        String subject = v.subject();
        index.versions(subject).stream().filter(old -> old.version() == v.version()).findFirst()
                .filter(old -> !old.deleted()).ifPresent(old -> removeReferrer(index, subject, old));
        String context = QualifiedSubject.contextOf(subject);
        index.putSchema(context, new IndexedSchema(v.id(), v.schemaType(), v.schema(), v.references()),
                Fingerprints.of(v.schemaType(), v.schema(), v.references()));
        index.putMaxId(context, Math.max(index.maxId(context), v.id()));
        IndexedVersion version = new IndexedVersion(v.version(), v.id(), v.deleted(), v.metadata(), v.ruleSet());
        upsertVersion(index, subject, version);
        if (!v.deleted()) {
            addReferrer(index, subject, version, v.references());
        }
    }

    @Override
    public void schemaTombstone(String subject, int version) {
        index.versions(subject).stream().filter(old -> old.version() == version).findFirst()
                .filter(old -> !old.deleted()).ifPresent(old -> removeReferrer(index, subject, old));
        removeVersion(index, subject, version);
    }

    @Override
    public void config(String subject, LogValue.ConfigValue value) {
        index.putConfig(subject, value);
    }

    @Override
    public void mode(String subject, String mode) {
        index.putMode(subject, mode);
    }

    @Override
    public void deleteSubject(String subject, int upToVersion) {
        List<IndexedVersion> updated = new ArrayList<>();
        for (IndexedVersion existing : index.versions(subject)) {
            boolean deleted = existing.deleted() || existing.version() <= upToVersion;
            if (deleted && !existing.deleted()) {
                removeReferrer(index, subject, existing);
            }
            updated.add(existing.withDeleted(deleted));
        }
        index.putVersions(subject, updated);
    }

    @Override
    public void clearSubject(String subject) {
        // soft-deleted versions hold no referrer entries (removed when they were deleted): only the list changes
        index.putVersions(subject, index.versions(subject).stream().filter(v -> !v.deleted()).toList());
    }

    @Override
    public void clearSubjects(ClearScope scope) {
        for (String subject : index.subjects()) {
            if (scope.contains(subject)) {
                clearSubject(subject);
            }
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
