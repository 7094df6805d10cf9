package io.registry.api.read;

import io.registry.core.subject.CompatibilityRules;
import io.registry.core.subject.QualifiedSubject;

import io.registry.api.http.RegistryException;
import io.registry.api.security.CurrentCaller;
import io.registry.core.command.ErrorCode;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogValue;
import io.registry.core.schema.Fingerprints;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaParser;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import io.registry.core.subject.EffectiveSettings;
import io.registry.core.subject.Mode;
import io.registry.core.subject.QualifiedSubject;
import io.registry.readmodel.ReadModel;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;
import io.registry.readmodel.VersionExtras;
import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.schema.SchemaFormat;
import io.registry.readmodel.availability.StoreUnavailableException;

import java.util.List;
import java.util.Optional;

/**
 * The read operations controllers need, with Confluent's not-found semantics applied once, here. With security on,
 * {@link #readModel()} is the caller's view: lists show only the subjects it may read ({@link CurrentCaller}).
 */
public final class RegistryReads {
    private final ReadModel readModel;
    private final SchemaByIdCache schemas;
    private final SchemaParser parser;
    private final CurrentCaller caller;

    public RegistryReads(ReadModel readModel, SchemaByIdCache schemas, SchemaParser parser) {
        this(readModel, schemas, parser, CurrentCaller.NONE);
    }

    public RegistryReads(ReadModel readModel, SchemaByIdCache schemas, SchemaParser parser, CurrentCaller caller) {
        this.readModel = readModel;
        this.schemas = schemas;
        this.parser = parser;
        this.caller = caller;
    }

    /** The read model as the current caller may see it (everything when security is off). */
    private ReadModel readModel() {
        return caller.get().<ReadModel>map(c -> new VisibleReadModel(readModel, c::mayRead)).orElse(readModel);
    }

    /** Every subject (soft-deleted ones too) using the id in {@code context}, whoever asks: for access checks. */
    public List<String> allSubjectsUsing(String context, int id) {
        return readModel.usagesOf(context, id).stream().map(SubjectVersion::subject).distinct().toList();
    }

    /** The rules of a schema format (compatibility, rendering). */
    public SchemaFormat format(SchemaType type) {
        return parser.formats().of(type);
    }

    /** The subjects the caller may see, soft-deleted ones too when {@code includeDeleted}. */
    public List<String> subjects(boolean includeDeleted) {
        return readModel().subjects(includeDeleted);
    }

    /** Every version of a subject (soft-deleted included), oldest first; empty (no 40401) when it has none. */
    public List<SubjectVersion> allVersions(String subject) {
        return readModel().versions(subject);
    }

    /** The live versions of a subject, oldest first; empty (no 40401) for an unknown or deleted subject. */
    public List<SubjectVersion> liveVersions(String subject) {
        return readModel().versions(subject).stream().filter(v -> !v.deleted()).toList();
    }

    /** A subject version's Confluent {@code metadata} and {@code ruleSet}, if it was registered with either. */
    public Optional<VersionExtras> extras(String subject, int version) {
        return readModel().versionExtras(subject, version);
    }

    /** A subject version's Confluent {@code metadata} (null when none). */
    public JsonNode metadataOf(SubjectVersion version) {
        return extras(version.subject(), version.version()).map(VersionExtras::metadata).orElse(null);
    }

    /** The subject versions (soft-deleted included) using {@code id} in {@code context}, as the caller may see them. */
    public List<SubjectVersion> usagesOf(String context, int id) {
        return readModel().usagesOf(context, id);
    }

    /** {@link #usagesOf(String, int)} in the default context. */
    public List<SubjectVersion> usagesOf(int id) {
        return usagesOf(QualifiedSubject.DEFAULT_CONTEXT, id);
    }

    /** The largest schema id of {@code context} (0 when none). */
    public int maxSchemaId(String context) {
        return readModel().maxSchemaId(context);
    }

    /** A schema of the default context by id; 40403 when unknown. */
    public StoredSchema schema(int id) {
        return schemas.get(id).orElseThrow(RegistryException::schemaNotFound);
    }

    /** A schema by (context, id); 40403 when unknown. */
    public StoredSchema schema(String context, int id) {
        return schemas.get(context, id).orElseThrow(RegistryException::schemaNotFound);
    }

    /** The schema a subject version uses: its id in the subject's schema context. */
    public StoredSchema schemaOf(SubjectVersion version) {
        return schema(QualifiedSubject.contextOf(version.subject()), version.schemaId());
    }

    public Optional<StoredSchema> findSchema(String context, int id) {
        return schemas.get(context, id);
    }

    /** Where {@link #locate} found an id: the schema context and the schema there. */
    public record Located(String context, StoredSchema schema) {
    }

    /**
     * Confluent's {@code getSchemaKeyUsingContexts}, shared by every {@code /schemas/ids/{id}…} route: a
     * qualified {@code subject} ({@code :.ctx:s}) looks the id up in {@code .ctx}, and {@code s} must use it
     * ({@code :.ctx:} alone: any subject of the context); an unqualified or empty one means the default context
     * (not a filter there), falling back to a named context where that subject uses the id when the default
     * context has no such id (or the subject does not use it there). 40403 when nothing matches.
     */
    public Located locate(int id, String subject) {
        QualifiedSubject qs = QualifiedSubject.parse(subject == null ? "" : subject);
        if (!qs.isDefaultContext() && !qs.isWildcard()) {
            StoredSchema schema = findSchema(qs.context(), id).orElseThrow(RegistryException::schemaNotFound);
            if (!qs.name().isEmpty() && !usedBy(qs.context(), id, qs.qualified())) {
                throw RegistryException.schemaNotFound();
            }
            return new Located(qs.context(), schema);
        }
        Optional<StoredSchema> inDefault = findSchema(QualifiedSubject.DEFAULT_CONTEXT, id);
        if (qs.name().isEmpty() || (inDefault.isPresent() && usedBy(QualifiedSubject.DEFAULT_CONTEXT, id, qs.name()))) {
            return new Located(QualifiedSubject.DEFAULT_CONTEXT, inDefault.orElseThrow(RegistryException::schemaNotFound));
        }
        for (String context : contextsOf(readModel)) {
            if (context.equals(QualifiedSubject.DEFAULT_CONTEXT)) {
                continue;
            }
            String qualified = QualifiedSubject.prefixOf(context) + qs.name();
            Optional<StoredSchema> there = findSchema(context, id);
            if (there.isPresent() && usedBy(context, id, qualified)) {
                return new Located(context, there.get());
            }
        }
        return new Located(QualifiedSubject.DEFAULT_CONTEXT, inDefault.orElseThrow(RegistryException::schemaNotFound));
    }

    private boolean usedBy(String context, int id, String subject) {
        return readModel.usagesOf(context, id).stream().map(SubjectVersion::subject).anyMatch(subject::equals);
    }

    /**
     * The schema contexts that have subjects (soft-deleted ones included), sorted, the default context "." first
     * and always present, as Confluent's {@code GET /contexts} lists them.
     */
    public List<String> contexts() {
        return contextsOf(readModel());
    }

    private static List<String> contextsOf(ReadModel readModel) {
        java.util.TreeSet<String> named = new java.util.TreeSet<>();
        for (String subject : readModel.subjects(true)) {
            String context = QualifiedSubject.contextOf(subject);
            if (!QualifiedSubject.DEFAULT_CONTEXT.equals(context)) {
                named.add(context);
            }
        }
        List<String> all = new java.util.ArrayList<>();
        all.add(QualifiedSubject.DEFAULT_CONTEXT);
        all.addAll(named);
        return all;
    }

    /**
     * Parses client-supplied schema text for {@code subject} (null: the default context), resolving references
     * within the subject's schema context against this region's projection.
     */
    public ParsedSchema parse(String subject, SchemaType type, String text, List<SchemaReference> refs,
                              boolean normalize) {
        return parser.parse(type, text, refs, normalize, new ReadModelReferenceResolver(readModel, schemas, subject));
    }

    /**
     * Client-supplied schema text to look up under {@code subject}: parsed as Confluent parses a lookup, without the
     * checks it applies to new schemas only (an Avro field default of the wrong type is no error there).
     */
    public ParsedSchema parseForLookup(String subject, SchemaType type, String text, List<SchemaReference> refs,
                                       boolean normalize) {
        return parser.parseExisting(type, text, refs, normalize,
                new ReadModelReferenceResolver(readModel, schemas, subject));
    }

    public ParsedSchema parse(SchemaType type, String text, List<SchemaReference> refs, boolean normalize) {
        return parse(null, type, text, refs, normalize);
    }

    /** A stored schema of {@code context}, parsed (its references resolved in that context). */
    public ParsedSchema parsed(String context, StoredSchema stored) {
        return parser.parseExisting(stored.type(), stored.schema(), stored.references(), false,
                new ReadModelReferenceResolver(readModel, schemas, QualifiedSubject.prefixOf(context)));
    }

    public ParsedSchema parsed(StoredSchema stored) {
        return parsed(QualifiedSubject.DEFAULT_CONTEXT, stored);
    }

    /**
     * The schema text in Confluent's {@code format} (null/blank: as stored, without parsing); see
     * {@code SchemaFormat#formatted}.
     */
    public String formatted(String context, StoredSchema stored, String format) {
        if (format == null || format.isBlank()) {
            return stored.schema();
        }
        return parser.formats().of(stored.type()).formatted(parsed(context, stored), format);
    }

    /** Versions of a subject; 40401 when it has none (or, unless {@code includeDeleted}, only deleted ones). */
    public List<SubjectVersion> versions(String subject, boolean includeDeleted) {
        List<SubjectVersion> all = readModel.versions(subject);
        List<SubjectVersion> visible = includeDeleted ? all : all.stream().filter(v -> !v.deleted()).toList();
        if (visible.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return visible;
    }

    /** Resolves {@code latest}, {@code -1} or a number, with Confluent's 40401/40402/42202 errors. */
    public SubjectVersion version(String subject, String versionText, boolean includeDeleted) {
        List<SubjectVersion> visible = versions(subject, includeDeleted);
        if (VersionSpec.isLatest(versionText)) {
            return visible.get(visible.size() - 1);
        }
        int version = VersionSpec.parse(versionText);
        return visible.stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(subject, version));
    }

    /**
     * The live version a compatibility check against {@code versionText} compares with, as Confluent's
     * {@code testCompatibilityBySubjectName}: 42202 for an invalid version; {@code latest} → the latest live version,
     * none when the subject has none (unknown, empty or soft-deleted); a number → that live version, else 40402
     * (whether or not the subject exists).
     */
    public Optional<SubjectVersion> liveVersionToCheck(String subject, String versionText) {
        int number = versionNumber(versionText);
        List<SubjectVersion> live = readModel.versions(subject).stream().filter(v -> !v.deleted()).toList();
        if (number == -1) {
            return live.isEmpty() ? Optional.empty() : Optional.of(live.get(live.size() - 1));
        }
        return Optional.of(live.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(subject, number)));
    }

    /** {@code latest}/{@code -1} → -1, a number ≥ 1 → itself, anything else → 42202. */
    public static int versionNumber(String versionText) {
        return VersionSpec.isLatest(versionText) ? -1 : VersionSpec.parse(versionText);
    }

    /**
     * Ids of the live schemas referencing {@code subject} version {@code version}, ascending: one query on the
     * Postgres projection (JSONB containment on the references); when the read model cannot answer, a scan of
     * the live versions of every subject.
     */
    public List<Integer> referencedBy(String subject, int version) {
        Optional<List<Integer>> indexed = readModel.referencedBy(subject, version);
        if (indexed.isPresent()) {
            return indexed.get();
        }
        java.util.TreeSet<Integer> ids = new java.util.TreeSet<>();
        for (String other : readModel.subjects(false)) {
            for (SubjectVersion v : readModel.versions(other)) {
                if (v.deleted()) {
                    continue;
                }
                Optional<StoredSchema> schema = schemas.get(QualifiedSubject.contextOf(other), v.schemaId());
                if (schema.isPresent() && schema.get().references().stream().anyMatch(r ->
                        r.subject().equals(subject) && (r.version() == version || r.version() == -1))) {
                    ids.add(v.schemaId());
                }
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The request's {@code normalize}, else the config in effect for the subject (the policy in core,
     * {@link EffectiveSettings}), for the reads that parse a client's schema (lookup, compatibility checks). While no
     * store can answer, the request's own flag. Registration never asks: the sequencer applies the setting there.
     */
    public boolean normalize(String subject, boolean requested) {
        if (requested) {
            return true;
        }
        try {
            return EffectiveSettings.normalize(readModel, subject, false);
        } catch (StoreUnavailableException e) {
            return false;
        }
    }

    /**
     * A registration's idempotent repeat: the schema id of a live version of {@code subject} whose type, references
     * and schema text exactly as the log stores it are the request's, answered from the projection in one lookup
     * without parsing ({@link ReadModel#repeatOf}). The log stores the canonical text, which is what Confluent's
     * serializers send and what every read returns, so a producer re-sending its schema finds it. Anything else
     * (another spelling, a soft-deleted version, no store answering) is empty, and the sequencer, which parses,
     * applies the normalize setting and answers repeats itself, decides.
     */
    public Optional<Integer> findRepeat(String subject, SchemaType type, String text, List<SchemaReference> refs) {
        try {
            return readModel.repeatOf(subject, Fingerprints.of(type, text, refs));
        } catch (StoreUnavailableException e) {
            return Optional.empty();
        }
    }

    /** The mode in effect for {@code subject} (null: the global scope), as the sequencer resolves it. */
    public Mode effectiveMode(String subject) {
        return EffectiveSettings.mode(readModel, subject);
    }

    /** The mode {@code GET /mode/{s}} reports without {@code defaultToGlobal} (the policy in core). */
    public Optional<Mode> ownMode(String subject) {
        return EffectiveSettings.ownMode(readModel, subject);
    }

    /** The config record set on exactly this scope (null: the global one), if any. */
    public Optional<LogValue.ConfigValue> ownConfig(String subject) {
        return readModel.config(subject);
    }

    /** The config in effect for {@code subject} (null: the global scope), field by field, as the sequencer's. */
    public LogValue.ConfigValue effectiveConfig(String subject) {
        return EffectiveSettings.config(readModel, subject);
    }

    /** The config that applies to {@code subject}'s compatibility checks, as the sequencer computes it. */
    public CompatibilityRules.Settings compatibilitySettings(String subject) {
        return CompatibilityRules.Settings.of(readModel, subject);
    }

    /** The live version of {@code subject} holding exactly this content, if any. */
    public Optional<SubjectVersion> findInSubject(String subject, ParsedSchema schema, boolean includeDeleted) {
        Optional<Integer> id = readModel.idByFingerprint(QualifiedSubject.contextOf(subject), schema.fingerprint());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return readModel.versions(subject).stream()
                .filter(v -> includeDeleted || !v.deleted())
                .filter(v -> v.schemaId() == id.get())
                .reduce((a, b) -> b);
    }

    static final class VersionSpec {
        private VersionSpec() {
        }

        static boolean isLatest(String text) {
            return "latest".equalsIgnoreCase(text) || "-1".equals(text);
        }

        static int parse(String text) {
            try {
                int v = Integer.parseInt(text);
                if (v >= 1) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // fall through to the Confluent error below
            }
            throw new RegistryException(ErrorCode.INVALID_VERSION, "The specified version '" + text + "' is not a "
                    + "valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
    }
}
