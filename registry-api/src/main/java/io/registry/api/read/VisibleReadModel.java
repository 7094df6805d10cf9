package io.registry.api.read;

import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.readmodel.ReadModel;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;
import io.registry.readmodel.VersionExtras;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The read model as one caller sees it: subjects it may not read are absent from every list and look missing when
 * asked for by name. Schemas by id, fingerprints and configs are not filtered here (by-id access is checked before
 * the controller runs, against the subjects using the id).
 */
final class VisibleReadModel implements ReadModel {
    private final ReadModel all;
    private final Predicate<String> visible;

    VisibleReadModel(ReadModel all, Predicate<String> visible) {
        this.all = all;
        this.visible = visible;
    }

    @Override
    public List<String> subjects(boolean includeDeleted) {
        return all.subjects(includeDeleted).stream().filter(visible).toList();
    }

    @Override
    public List<SubjectVersion> versions(String subject) {
        return visible.test(subject) ? all.versions(subject) : List.of();
    }

    @Override
    public Optional<SubjectVersion> version(String subject, int version) {
        return visible.test(subject) ? all.version(subject, version) : Optional.empty();
    }

    @Override
    public List<SubjectVersion> usagesOf(String context, int schemaId) {
        return all.usagesOf(context, schemaId).stream().filter(v -> visible.test(v.subject())).toList();
    }

    @Override
    public Optional<Integer> repeatOf(String subject, String fingerprint) {
        return visible.test(subject) ? all.repeatOf(subject, fingerprint) : Optional.empty();
    }

    @Override
    public Optional<VersionExtras> versionExtras(String subject, int version) {
        return visible.test(subject) ? all.versionExtras(subject, version) : Optional.empty();
    }

    @Override
    public Optional<StoredSchema> schemaById(String context, int id) {
        return all.schemaById(context, id);
    }

    @Override
    public Optional<Integer> idByFingerprint(String context, String fingerprint) {
        return all.idByFingerprint(context, fingerprint);
    }

    @Override
    public Optional<CompatibilityLevel> compatibility(String subject) {
        return all.compatibility(subject);
    }

    @Override
    public Optional<Boolean> normalize(String subject) {
        return all.normalize(subject);
    }

    @Override
    public Optional<ConfigValue> configExtras(String subject) {
        return all.configExtras(subject);
    }

    @Override
    public Optional<ConfigValue> config(String subject) {
        return all.config(subject);
    }

    @Override
    public Optional<String> mode(String subject) {
        return all.mode(subject);
    }

    @Override
    public Optional<List<Integer>> referencedBy(String subject, int version) {
        return all.referencedBy(subject, version);
    }

    @Override
    public int maxSchemaId(String context) {
        return all.maxSchemaId(context);
    }

    @Override
    public long appliedSeq() {
        return all.appliedSeq();
    }
}
