package io.registry.core.subject;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.command.Command;
import io.registry.core.command.Command.RegisterSchema;
import io.registry.core.command.Command.UpdateConfig;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.command.Outcome.Rejected;
import io.registry.core.log.LogEvent;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogValue;
import io.registry.core.schema.Fingerprints;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaFormat;
import io.registry.core.schema.SchemaParser;
import io.registry.core.semver.SemanticVersion;
import io.registry.core.semver.SemverMetadata;
import io.registry.core.semver.SemverPolicy;

import java.util.List;
import java.util.Optional;

/**
 * The sequencer's pure decision logic: given the index and a command, which events to append and what to answer
 * ({@link #decide}); and how an appended event changes the index ({@link #apply}). {@code apply} is also how the
 * index is rebuilt from an existing log, so the decisions and the replay can never drift apart.
 */
public final class RegistryStateMachine {
    private final SchemaParser parser;
    private final ParsedSchemaCache parsedById;

    public RegistryStateMachine(SchemaParser parser) {
        this.parser = parser;
        this.parsedById = new ParsedSchemaCache(4096);
    }

    public Decision decide(Command command, RegistryIndex index) {
        if (command instanceof RegisterSchema register) {
            return register(register, index);
        }
        if (command instanceof UpdateConfig config) {
            return SettingsRules.decide(config, index);
        }
        if (command instanceof Command.DeleteSubject delete) {
            return DeleteRules.decide(delete, index);
        }
        if (command instanceof Command.DeleteVersion delete) {
            return DeleteRules.decide(delete, index);
        }
        if (command instanceof Command.UpdateMode mode) {
            return SettingsRules.decide(mode, index);
        }
        if (command instanceof Command.DeleteMode mode) {
            return SettingsRules.decide(mode, index);
        }
        if (command instanceof Command.DeleteConfig config) {
            return SettingsRules.decide(config, index);
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    /**
     * Confluent's {@code registerOrForward} + {@code register}: a schema already live under the subject is answered
     * as it is, whatever the mode (unless the request names another id or version); then the mode decides
     * (read-only: refused; an explicit id needs IMPORT; no id needs READWRITE); IMPORT skips compatibility, may
     * reuse a content's id or take a new one, may leave version gaps and may rewrite a version.
     */
    private Decision register(RegisterSchema cmd, RegistryIndex index) {
        String context = QualifiedSubject.contextOf(cmd.subject());
        ParsedSchema parsed;
        try {
            parsed = parser.parse(cmd.schemaType(), cmd.schema(), cmd.references(),
                    EffectiveSettings.normalize(index, cmd.subject(), cmd.normalize()),
                    new IndexReferenceResolver(index, cmd.subject()));
        } catch (InvalidSchemaException e) {
            return reject(ErrorCode.INVALID_SCHEMA, e.getMessage());
        }
        Optional<Integer> knownId = index.idForFingerprint(context, parsed.fingerprint());
        List<IndexedVersion> versions = index.versions(cmd.subject());
        List<IndexedVersion> live = versions.stream().filter(v -> !v.deleted()).toList();

        Optional<IndexedVersion> existing = knownId.flatMap(id -> live.stream().filter(v -> v.id() == id)
                .findFirst());
        if (existing.isPresent()) {
            IndexedVersion v = existing.get();
            if (cmd.version() == null && (cmd.id() == null || cmd.id() == v.id())) {
                return Decision.answer(new Outcome.Registered(v.id(), v.version(), false, false,
                        cmd.semver() == null ? null : SemverMetadata.of(v.metadata()).map(Object::toString)
                                .orElse(null)));
            }
            if (cmd.version() != null && cmd.id() != null && cmd.id() == v.id() && cmd.version() == v.version()) {
                return Decision.answer(new Outcome.Registered(v.id(), v.version(), false, true));
            }
        }

        Mode mode = EffectiveSettings.mode(index, cmd.subject());
        Optional<Decision> modeRefusal = Modes.registrationRefusal(mode, cmd.subject(), cmd.id() != null);
        if (modeRefusal.isPresent()) {
            return modeRefusal.get();
        }
        boolean importing = mode == Mode.IMPORT;

        int id;
        if (cmd.id() != null) {
            Optional<IndexedSchema> occupant = index.schema(context, cmd.id());
            if (occupant.isPresent() && !Fingerprints.of(occupant.get().type(), occupant.get().schema(),
                    occupant.get().references()).equals(parsed.fingerprint())) {
                return reject(ErrorCode.OPERATION_NOT_PERMITTED,
                        "Overwrite new schema with id " + cmd.id() + " is not permitted.");
            }
            id = cmd.id();
        } else {
            id = knownId.orElseGet(() -> index.maxId(context) + 1);
        }

        int nextVersion = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        JsonNode metadata = cmd.metadata();
        String semver = null;
        if (!importing) {
            SubjectHistory<IndexedVersion> history = history(cmd.subject(), live, index);
            CompatibilityRules.Settings settings = CompatibilityRules.Settings.of(index, cmd.subject());
            SchemaFormat format = parser.formats().of(parsed.type());
            // Without metadata of its own the new schema is judged with the latest version's, which Confluent
            // copies into a registration that has none.
            JsonNode judgedMetadata = metadata != null ? metadata : history.latestMetadata();
            if (cmd.semver() != null) {
                SemverPolicy.Verdict verdict = SemverPolicy.decide(cmd.subject(), cmd.semver(), format, settings,
                        parsed, judgedMetadata, history);
                if (verdict instanceof SemverPolicy.Verdict.Refused refused) {
                    return reject(refused.code(), refused.message());
                }
                SemanticVersion assigned = ((SemverPolicy.Verdict.Assigned) verdict).version();
                semver = assigned.toString();
                metadata = SemverMetadata.with(metadata, assigned);
            } else {
                List<String> conflicts = CompatibilityRules.check(format, settings, parsed, judgedMetadata, history);
                if (!conflicts.isEmpty()) {
                    return reject(ErrorCode.INCOMPATIBLE_SCHEMA, "Schema being registered is incompatible with an "
                            + "earlier schema for subject \"" + cmd.subject() + "\", details: " + conflicts);
                }
            }
            if (cmd.version() != null && cmd.version() != nextVersion) {
                return reject(ErrorCode.INVALID_SCHEMA, "Version is not one more than previous version");
            }
        }
        int version = cmd.version() != null ? cmd.version() : nextVersion;
        LogEvent event = new LogEvent(new LogKey.SchemaKey(cmd.subject(), version),
                new LogValue.SchemaValue(cmd.subject(), version, id, parsed.type(), parsed.canonical(),
                        parsed.references(), metadata, cmd.ruleSet(), false));
        parsedById.put(context, id, parsed);
        return new Decision(List.of(event), new Outcome.Registered(id, version, true, false, semver));
    }

    /** The subject's live versions as the index holds them, for the compatibility and semantic-version rules. */
    private SubjectHistory<IndexedVersion> history(String subject, List<IndexedVersion> live, RegistryIndex index) {
        return SubjectHistory.of(live, IndexedVersion::metadata, v -> parsedSchema(subject, v.id(), index));
    }

    /** The parsed form of a registered schema; content by id is immutable, so caching it is always safe. */
    private ParsedSchema parsedSchema(String subject, int id, RegistryIndex index) {
        String context = QualifiedSubject.contextOf(subject);
        ParsedSchema cached = parsedById.get(context, id);
        if (cached != null) {
            return cached;
        }
        IndexedSchema stored = index.schema(context, id)
                .orElseThrow(() -> new IllegalStateException("index names schema id " + id + " in context "
                        + context + " but lacks it"));
        ParsedSchema parsed = parser.parseExisting(stored.type(), stored.schema(), stored.references(), false,
                new IndexReferenceResolver(index, subject));
        parsedById.put(context, id, parsed);
        return parsed;
    }

    private static Decision reject(ErrorCode code, String message) {
        return Decision.answer(Rejected.of(code, message));
    }

    /** How one appended (or replayed) event changes the index. Sequence bookkeeping is the caller's. */
    public void apply(LogEvent event, MutableRegistryIndex index) {
        IndexProjection.apply(event, index);
    }
}
