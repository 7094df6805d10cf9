package io.registry.readmodel.postgres;

import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogRecordCodec;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.schema.SchemaType;
import io.registry.readmodel.ReadModel;
import io.registry.readmodel.ReadModelJson;
import io.registry.readmodel.StoredSchema;
import io.registry.core.subject.QualifiedSubject;
import io.registry.readmodel.SubjectVersion;
import io.registry.readmodel.VersionExtras;
import io.registry.readmodel.availability.StoreGuard;
import io.registry.readmodel.availability.StoreGuards;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The read model served from Postgres: complete and durable, the fallback behind Redis. Every query goes through the
 * Postgres circuit breaker ({@link StoreGuard}): while Postgres is down, calls fail at once with
 * {@code StoreUnavailableException}; each one is bounded by the pool's timeouts ({@code PostgresTimeouts}).
 */
@Singleton
public class PostgresReadModel implements ReadModel {
    private final SchemaRepository schemas;
    private final SubjectVersionRepository versions;
    private final ConfigRepository configs;
    private final CheckpointRepository checkpoints;
    private final ModeRepository modes;
    private final NormalizeRepository normalizeFlags;
    private final ConfigExtrasRepository configExtras;
    private final StoreGuard guard;

    public PostgresReadModel(SchemaRepository schemas, SubjectVersionRepository versions, ConfigRepository configs,
                             CheckpointRepository checkpoints, ModeRepository modes,
                             NormalizeRepository normalizeFlags, ConfigExtrasRepository configExtras,
                             StoreGuards guards) {
        this.guard = guards.postgres();
        this.modes = modes;
        this.normalizeFlags = normalizeFlags;
        this.configExtras = configExtras;
        this.schemas = schemas;
        this.versions = versions;
        this.configs = configs;
        this.checkpoints = checkpoints;
    }

    @Override
    public Optional<StoredSchema> schemaById(String context, int id) {
        return guard.call(() -> schemas.find(context, id)).map(row -> new StoredSchema(row.id(),
                SchemaType.valueOf(row.schemaType()), row.schemaText(), ReadModelJson.readReferences(row.refs()),
                row.fingerprint()));
    }

    @Override
    public Optional<Integer> idByFingerprint(String context, String fingerprint) {
        return guard.call(() -> schemas.findLowestIdByFingerprint(context, fingerprint));
    }

    @Override
    public Optional<Integer> repeatOf(String subject, String fingerprint) {
        if (!storable(subject)) {
            return Optional.empty();
        }
        return guard.call(() -> versions.findRepeat(subject, fingerprint));
    }

    @Override
    public List<String> subjects(boolean includeDeleted) {
        return guard.call(() -> includeDeleted ? versions.findAllSubjects() : versions.findLiveSubjects());
    }

    /**
     * Postgres text cannot hold NUL, so no stored subject contains one; asking for it would fail the query
     * instead of answering "not found".
     */
    private static boolean storable(String subject) {
        return subject == null || subject.indexOf('\u0000') < 0;
    }

    @Override
    public List<SubjectVersion> versions(String subject) {
        if (!storable(subject)) {
            return List.of();
        }
        return guard.call(() -> versions.findBySubject(subject)).stream().map(VersionRow::toSubjectVersion).toList();
    }

    @Override
    public Optional<SubjectVersion> version(String subject, int version) {
        if (!storable(subject)) {
            return Optional.empty();
        }
        return guard.call(() -> versions.findBySubjectAndVersion(subject, version))
                .map(VersionRow::toSubjectVersion);
    }

    @Override
    public List<SubjectVersion> usagesOf(String context, int schemaId) {
        return guard.call(() -> versions.findBySchemaId(context, schemaId)).stream()
                .map(VersionRow::toSubjectVersion).toList();
    }

    @Override
    public Optional<CompatibilityLevel> compatibility(String subject) {
        if (!storable(subject)) {
            return Optional.empty();
        }
        return guard.call(() -> configs.findById(GlobalSubject.keyOf(subject))
                .flatMap(row -> CompatibilityLevel.parse(row.compatibilityLevel())));
    }

    @Override
    public Optional<Boolean> normalize(String subject) {
        return guard.call(() -> normalizeFlags.findById(GlobalSubject.keyOf(subject))).map(NormalizeRow::normalize);
    }

    @Override
    public Optional<ConfigValue> configExtras(String subject) {
        if (!storable(subject)) {
            return Optional.empty();
        }
        return guard.call(() -> configExtras.findById(GlobalSubject.keyOf(subject)))
                .map(row -> LogRecordCodec.decodeConfigExtras(row.extras()));
    }

    @Override
    public Optional<String> mode(String subject) {
        return guard.call(() -> modes.findById(GlobalSubject.keyOf(subject)).map(ModeRow::mode));
    }

    @Override
    public Optional<VersionExtras> versionExtras(String subject, int version) {
        return guard.call(() -> versions.findExtras(subject, version).map(row -> new VersionExtras(
                ReadModelJson.readTree(row.metadata()), ReadModelJson.readTree(row.ruleSet()))));
    }

    @Override
    public Optional<List<Integer>> referencedBy(String subject, int version) {
        java.util.TreeSet<Integer> ids = new java.util.TreeSet<>();
        // Referrers are in the referenced subject's context; within it a reference names the subject either
        // unqualified (the usual way) or qualified.
        QualifiedSubject target = QualifiedSubject.parse(subject);
        java.util.Set<String> spellings = new java.util.LinkedHashSet<>(List.of(subject, target.name()));
        if (target.isDefaultContext()) {
            spellings = java.util.Set.of(subject);
        }
        for (String spelling : spellings) {
            for (int v : new int[] {version, -1}) {
                com.fasterxml.jackson.databind.node.ArrayNode pattern =
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
                pattern.addObject().put("subject", spelling).put("version", v);
                ids.addAll(guard.call(() -> versions.findLiveIdsReferencing(target.context(), pattern.toString())));
            }
        }
        return Optional.of(List.copyOf(ids));
    }

    @Override
    public int maxSchemaId(String context) {
        return guard.call(() -> schemas.findMaxId(context));
    }

    @Override
    public long appliedSeq() {
        return guard.call(() -> checkpoints.findById(PostgresProjectionStore.NAME)).map(CheckpointRow::seq)
                .orElse(0L);
    }
}
