package io.registry.core.subject;

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
            return updateConfig(config, index);
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

    private Decision register(RegisterSchema cmd, RegistryIndex index) {
        Mode mode = EffectiveSettings.mode(index, cmd.subject());
        if (!mode.acceptsWrites()) {
            return reject(ErrorCode.OPERATION_NOT_PERMITTED,
                    "Subject " + cmd.subject() + " is in " + mode + " mode");
        }
        boolean importing = mode == Mode.IMPORT;
        if (!importing && (cmd.id() != null || cmd.version() != null)) {
            return reject(ErrorCode.OPERATION_NOT_PERMITTED, "Registering with an explicit id or version is only "
                    + "permitted in IMPORT mode; subject " + cmd.subject() + " is in " + mode + " mode");
        }
        String context = QualifiedSubject.contextOf(cmd.subject());
        ParsedSchema parsed;
        try {
            parsed = parser.parse(cmd.schemaType(), cmd.schema(), cmd.references(),
                    EffectiveSettings.normalize(index, cmd.subject(), cmd.normalize()),
                    new IndexReferenceResolver(index, cmd.subject()));
        } catch (InvalidSchemaException e) {
            return reject(ErrorCode.INVALID_SCHEMA, e.getMessage());
        }
        String fingerprint = parsed.fingerprint();
        Optional<Integer> knownId = index.idForFingerprint(context, fingerprint);
        List<IndexedVersion> versions = index.versions(cmd.subject());
        List<IndexedVersion> live = versions.stream().filter(v -> !v.deleted()).toList();

        if (knownId.isPresent()) {
            for (IndexedVersion v : live) {
                if (v.id() == knownId.get()) {
                    return Decision.answer(new Outcome.Registered(v.id(), v.version(), false));
                }
            }
        }

        int id;
        if (importing && cmd.id() != null) {
            if (knownId.isPresent() && !knownId.get().equals(cmd.id())) {
                return reject(ErrorCode.ID_DOES_NOT_MATCH, "Schema already registered with id " + knownId.get()
                        + " instead of input id " + cmd.id());
            }
            Optional<IndexedSchema> occupant = index.schema(context, cmd.id());
            if (occupant.isPresent() && knownId.isEmpty()) {
                return reject(ErrorCode.OPERATION_NOT_PERMITTED, "Overwrite new schema with id " + cmd.id()
                        + " is not permitted: the id is used by another schema");
            }
            id = cmd.id();
        } else {
            id = knownId.orElseGet(() -> index.maxId(context) + 1);
        }

        if (!importing) {
            List<String> conflicts = incompatibilities(cmd, parsed, live, index);
            if (!conflicts.isEmpty()) {
                return reject(ErrorCode.INCOMPATIBLE_SCHEMA, "Schema being registered is incompatible with an "
                        + "earlier schema for subject \"" + cmd.subject() + "\", details: " + conflicts);
            }
        }

        int maxVersion = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
        int version;
        if (importing && cmd.version() != null) {
            if (versions.stream().anyMatch(v -> v.version() == cmd.version())) {
                return reject(ErrorCode.INVALID_VERSION, "Version " + cmd.version() + " already exists under "
                        + "subject " + cmd.subject());
            }
            version = cmd.version();
        } else {
            version = maxVersion + 1;
        }
        LogEvent event = new LogEvent(new LogKey.SchemaKey(cmd.subject(), version),
                new LogValue.SchemaValue(cmd.subject(), version, id, parsed.type(), parsed.canonical(),
                        parsed.references(), cmd.metadata(), cmd.ruleSet(), false));
        parsedById.put(context, id, parsed);
        return new Decision(List.of(event), new Outcome.Registered(id, version, true));
    }

    private List<String> incompatibilities(RegisterSchema cmd, ParsedSchema proposed, List<IndexedVersion> live,
                                           RegistryIndex index) {
        CompatibilityLevel level = EffectiveSettings.compatibility(index, cmd.subject());
        if (level == CompatibilityLevel.NONE || live.isEmpty()) {
            return List.of();
        }
        List<ParsedSchema> previous = new ArrayList<>();
        for (IndexedVersion v : live) {
            previous.add(parsedSchema(cmd.subject(), v.id(), index));
        }
        return CompatibilityChecker.check(parser.formats().of(proposed.type()), level, proposed, previous);
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

    private Decision updateConfig(UpdateConfig cmd, RegistryIndex index) {
        String level = cmd.compatibilityLevel() != null
                ? cmd.compatibilityLevel().name() : index.compatibility(cmd.subject()).orElse(null);
        Boolean normalize = cmd.normalize() != null ? cmd.normalize() : index.normalize(cmd.subject()).orElse(null);
        LogEvent event = new LogEvent(new LogKey.ConfigKey(cmd.subject()),
                new LogValue.ConfigValue(level, normalize));
        return new Decision(List.of(event), new Outcome.ConfigUpdated(level, normalize));
    }

    private static Decision reject(ErrorCode code, String message) {
        return Decision.answer(Rejected.of(code, message));
    }

    /** How one appended (or replayed) event changes the index. Sequence bookkeeping is the caller's. */
    public void apply(LogEvent event, MutableRegistryIndex index) {
        IndexProjection.apply(event, index);
    }
}
