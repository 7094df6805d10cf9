package io.registry.core.subject;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.command.Command;
import io.registry.core.command.Command.RegisterSchema;
import io.registry.core.command.Command.UpdateConfig;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.command.Outcome.Rejected;
import io.registry.core.compat.CompatibilityChecker;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogEvent;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogValue;
import io.registry.core.schema.Fingerprints;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaParser;

import java.util.ArrayList;
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
                return Decision.answer(new Outcome.Registered(v.id(), v.version(), false));
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
        if (!importing) {
            List<String> conflicts = incompatibilities(cmd, parsed, live, index);
            if (!conflicts.isEmpty()) {
                return reject(ErrorCode.INCOMPATIBLE_SCHEMA, "Schema being registered is incompatible with an "
                        + "earlier schema for subject \"" + cmd.subject() + "\", details: " + conflicts);
            }
            if (cmd.version() != null && cmd.version() != nextVersion) {
                return reject(ErrorCode.INVALID_SCHEMA, "Version is not one more than previous version");
            }
        }
        int version = cmd.version() != null ? cmd.version() : nextVersion;
        LogEvent event = new LogEvent(new LogKey.SchemaKey(cmd.subject(), version),
                new LogValue.SchemaValue(cmd.subject(), version, id, parsed.type(), parsed.canonical(),
                        parsed.references(), cmd.metadata(), cmd.ruleSet(), false));
        parsedById.put(context, id, parsed);
        return new Decision(List.of(event), new Outcome.Registered(id, version, true));
    }

    /**
     * Compatibility with the live versions under the subject's settings ({@link CompatibilityRules}). Without
     * metadata of its own the new schema is judged with the latest version's, which Confluent copies into a
     * registration that has none.
     */
    private List<String> incompatibilities(RegisterSchema cmd, ParsedSchema proposed, List<IndexedVersion> live,
                                           RegistryIndex index) {
        CompatibilityRules.Settings settings = CompatibilityRules.Settings.of(index, cmd.subject());
        JsonNode latestMetadata = live.isEmpty() ? null : live.get(live.size() - 1).metadata();
        JsonNode metadata = cmd.metadata() != null ? cmd.metadata() : latestMetadata;
        List<ParsedSchema> previous = new ArrayList<>();
        for (IndexedVersion v : CompatibilityRules.sameGroup(settings.compatibilityGroup(), metadata, live,
                IndexedVersion::metadata)) {
            previous.add(parsedSchema(cmd.subject(), v.id(), index));
        }
        return CompatibilityRules.check(parser.formats().of(proposed.type()), settings, proposed, metadata,
                latestMetadata, previous);
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
