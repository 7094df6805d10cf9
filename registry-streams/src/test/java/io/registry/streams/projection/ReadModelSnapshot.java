package io.registry.streams.projection;

import io.registry.readmodel.ReadModel;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything a read model answers, collected through the {@link ReadModel} interface, so two projections (or one
 * before and after a rebuild) can be compared with one {@code assertEquals}.
 */
final class ReadModelSnapshot {
    private ReadModelSnapshot() {
    }

    /** @param maxSchemaId ids 1..maxSchemaId are looked up, present or not */
    static Map<String, Object> of(ReadModel model, int maxSchemaId, List<String> extraSubjects) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("appliedSeq", model.appliedSeq());
        snapshot.put("subjects", model.subjects(false));
        snapshot.put("subjects incl. deleted", model.subjects(true));
        snapshot.put("global compatibility", model.compatibility(null));
        TreeSet<String> subjects = new TreeSet<>(model.subjects(true));
        subjects.addAll(extraSubjects);
        for (String subject : subjects) {
            List<SubjectVersion> versions = model.versions(subject);
            snapshot.put("versions " + subject, versions);
            for (SubjectVersion v : versions) {
                snapshot.put("version " + subject + "/" + v.version(), model.version(subject, v.version()));
            }
            snapshot.put("compatibility " + subject, model.compatibility(subject));
        }
        List<Object> schemas = new ArrayList<>();
        for (int id = 1; id <= maxSchemaId; id++) {
            StoredSchema schema = model.schemaById(id).orElse(null);
            schemas.add(schema);
            if (schema != null) {
                snapshot.put("id of fingerprint " + id, model.idByFingerprint(schema.fingerprint()));
            }
            snapshot.put("usages " + id, model.usagesOf(id));
        }
        snapshot.put("schemas", schemas);
        // the repeat of each content a subject has or had (one lookup per version, not per subject and schema)
        for (String subject : subjects) {
            for (SubjectVersion v : model.versions(subject)) {
                model.schemaById(v.schemaId()).ifPresent(s -> snapshot.put("repeat " + subject + " " + s.id(),
                        model.repeatOf(subject, s.fingerprint())));
            }
        }
        return snapshot;
    }
}
