package io.registry.api.read;

import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.schema.SchemaType;
import io.registry.readmodel.AsyncSubjectReads;
import io.registry.readmodel.ReadModel;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;
import io.registry.readmodel.VersionExtras;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A read model on plain maps, for the API's unit tests: what a projection would hold after some registrations,
 * through both the blocking and the asynchronous read interfaces. {@link #failAsync} makes the asynchronous reads
 * fail as an unreachable Redis does; {@link #asyncReads} counts them.
 */
public final class InMemoryReadModel implements ReadModel, AsyncSubjectReads {
    private final Map<String, StoredSchema> schemas = new TreeMap<>();
    private final Map<String, List<SubjectVersion>> versions = new TreeMap<>();
    private final Map<String, VersionExtras> extras = new TreeMap<>();
    private final Map<String, ConfigValue> configExtras = new TreeMap<>();
    private final AtomicInteger asyncReads = new AtomicInteger();
    private volatile boolean failAsync;

    /** Stores schema {@code id} of the default context with {@code text} as an Avro schema. */
    public InMemoryReadModel schema(int id, String text) {
        schemas.put(id(".", id), new StoredSchema(id, SchemaType.AVRO, text, List.of(), "fp-" + id));
        return this;
    }

    public InMemoryReadModel version(String subject, int version, int schemaId, boolean deleted) {
        List<SubjectVersion> list = versions.computeIfAbsent(subject, s -> new ArrayList<>());
        list.removeIf(v -> v.version() == version);
        list.add(new SubjectVersion(subject, version, schemaId, deleted));
        list.sort(Comparator.comparingInt(SubjectVersion::version));
        return this;
    }

    public InMemoryReadModel extras(String subject, int version, VersionExtras value) {
        extras.put(version + " " + subject, value);
        return this;
    }

    public InMemoryReadModel alias(String subject, String target) {
        configExtras.put(subject, new ConfigValue(null, null, null, target, null, null, null, null, null));
        return this;
    }

    public void failAsync(boolean fail) {
        failAsync = fail;
    }

    public int asyncReads() {
        return asyncReads.get();
    }

    private static String id(String context, int id) {
        return context + " " + id;
    }

    @Override
    public Optional<StoredSchema> schemaById(String context, int id) {
        return Optional.ofNullable(schemas.get(id(context, id)));
    }

    @Override
    public Optional<Integer> idByFingerprint(String context, String fingerprint) {
        return Optional.empty();
    }

    @Override
    public Optional<Integer> repeatOf(String subject, String fingerprint) {
        List<SubjectVersion> live = versions(subject).stream().filter(v -> !v.deleted()).toList();
        for (int i = live.size() - 1; i >= 0; i--) {
            int schemaId = live.get(i).schemaId();
            boolean same = schemas.values().stream()
                    .anyMatch(s -> s.id() == schemaId && fingerprint.equals(s.fingerprint()));
            if (same) {
                return Optional.of(schemaId);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> subjects(boolean includeDeleted) {
        return versions.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .filter(e -> includeDeleted || e.getValue().stream().anyMatch(v -> !v.deleted()))
                .map(Map.Entry::getKey).toList();
    }

    @Override
    public List<SubjectVersion> versions(String subject) {
        return List.copyOf(versions.getOrDefault(subject, List.of()));
    }

    @Override
    public Optional<SubjectVersion> version(String subject, int version) {
        return versions(subject).stream().filter(v -> v.version() == version).findFirst();
    }

    @Override
    public List<SubjectVersion> usagesOf(String context, int schemaId) {
        return versions.values().stream().flatMap(List::stream).filter(v -> v.schemaId() == schemaId).toList();
    }

    @Override
    public Optional<CompatibilityLevel> compatibility(String subject) {
        return Optional.empty();
    }

    @Override
    public Optional<Boolean> normalize(String subject) {
        return Optional.empty();
    }

    @Override
    public Optional<ConfigValue> configExtras(String subject) {
        return Optional.ofNullable(configExtras.get(subject));
    }

    @Override
    public Optional<String> mode(String subject) {
        return Optional.empty();
    }

    @Override
    public Optional<VersionExtras> versionExtras(String subject, int version) {
        return Optional.ofNullable(extras.get(version + " " + subject));
    }

    @Override
    public long appliedSeq() {
        return 0;
    }

    @Override
    public CompletionStage<List<SubjectVersion>> versionsAsync(String subject) {
        asyncReads.incrementAndGet();
        return failAsync ? CompletableFuture.failedFuture(new IllegalStateException("redis is down"))
                : CompletableFuture.completedFuture(versions(subject));
    }

    @Override
    public CompletionStage<Optional<ConfigValue>> configExtrasAsync(String subject) {
        return failAsync ? CompletableFuture.failedFuture(new IllegalStateException("redis is down"))
                : CompletableFuture.completedFuture(configExtras(subject));
    }
}
