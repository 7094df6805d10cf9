package io.registry.core.subject;

import io.registry.core.log.LogEvent;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogValue;
import io.registry.core.schema.Fingerprints;

import java.util.ArrayList;
import java.util.List;

/** Folds one log event into the sequencer's index. */
final class IndexProjection {
    private IndexProjection() {
    }

    static void apply(LogEvent event, MutableRegistryIndex index) {
        LogKey key = event.key();
        LogValue value = event.value();
        if (key instanceof LogKey.SchemaKey k) {
            if (value instanceof LogValue.SchemaValue v) {
                index.putSchema(new IndexedSchema(v.id(), v.schemaType(), v.schema(), v.references()),
                        Fingerprints.of(v.schemaType(), v.schema(), v.references()));
                index.putMaxId(Math.max(index.maxId(), v.id()));
                upsertVersion(index, k.subject(), new IndexedVersion(k.version(), v.id(), v.deleted()));
            } else {
                removeVersion(index, k.subject(), k.version());
            }
        } else if (key instanceof LogKey.ConfigKey k) {
            index.putCompatibility(k.subject(),
                    value instanceof LogValue.ConfigValue v ? v.compatibilityLevel() : null);
        } else if (key instanceof LogKey.ModeKey k) {
            index.putMode(k.subject(), value instanceof LogValue.ModeValue v ? v.mode() : null);
        } else if (key instanceof LogKey.DeleteSubjectKey k && value instanceof LogValue.DeleteSubjectValue v) {
            List<IndexedVersion> updated = new ArrayList<>();
            for (IndexedVersion existing : index.versions(k.subject())) {
                boolean deleted = existing.deleted() || existing.version() <= v.version();
                updated.add(new IndexedVersion(existing.version(), existing.id(), deleted));
            }
            index.putVersions(k.subject(), updated);
        } else if (key instanceof LogKey.ClearSubjectKey k && value != null) {
            index.putVersions(k.subject(), List.of());
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
