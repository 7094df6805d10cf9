package io.registry.core.subject;

import io.registry.core.command.Command.DeleteSubject;
import io.registry.core.command.Command.DeleteVersion;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.command.Outcome.Rejected;
import io.registry.core.log.LogEvent;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Confluent's delete rules, decided once, here, by the sequencer (the API only translates the request):
 * <ul>
 *   <li>subject soft delete: 40401 unknown subject, 40404 already soft-deleted; writes {@code DELETE_SUBJECT}
 *       (watermark = latest live version) and tombstones the subject's own mode and config, as Confluent does;
 *       answers the live versions;</li>
 *   <li>subject permanent delete: 40401 unknown, 40405 while any version is live; a tombstone per version;
 *       answers every version;</li>
 *   <li>version soft delete: 40401/40402, 40406 already soft-deleted; rewrites the version's record with
 *       {@code deleted=true} (and, when it was the last live version, tombstones the subject's mode and config);</li>
 *   <li>version permanent delete: 40401/40402, 40407 while live; the version's tombstone;</li>
 *   <li>any of them: 42206 while a live schema references a version to delete; 42205 in READONLY modes.</li>
 * </ul>
 */
public final class DeleteRules {
    private DeleteRules() {
    }

    public static Decision decide(DeleteSubject cmd, RegistryIndex index) {
        String subject = cmd.subject();
        List<IndexedVersion> versions = index.versions(subject);
        if (versions.isEmpty()) {
            return reject(ErrorCode.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        List<IndexedVersion> live = versions.stream().filter(v -> !v.deleted()).toList();
        if (!cmd.permanent() && live.isEmpty()) {
            return reject(ErrorCode.SUBJECT_SOFT_DELETED, "Subject '" + subject + "' was soft deleted."
                    + "Set permanent=true to delete permanently");
        }
        Optional<Decision> notPermitted = readOnly(index, subject);
        if (notPermitted.isPresent()) {
            return notPermitted.get();
        }
        List<IndexedVersion> targets = cmd.permanent() ? versions : live;
        for (IndexedVersion v : targets) {
            Optional<Decision> referenced = referenced(index, subject, v);
            if (referenced.isPresent()) {
                return referenced.get();
            }
        }
        if (cmd.permanent() && !live.isEmpty()) {
            return reject(ErrorCode.SUBJECT_NOT_SOFT_DELETED, "Subject '" + subject + "' was not deleted first "
                    + "before being permanently deleted");
        }
        List<LogEvent> events = new ArrayList<>();
        if (cmd.permanent()) {
            for (IndexedVersion v : versions) {
                events.add(new LogEvent(new LogKey.SchemaKey(subject, v.version()), null));
            }
        } else {
            int watermark = live.get(live.size() - 1).version();
            events.add(new LogEvent(new LogKey.DeleteSubjectKey(subject),
                    new LogValue.DeleteSubjectValue(subject, watermark)));
            events.addAll(clearSubjectSettings(index, subject));
        }
        return new Decision(events, new Outcome.SubjectDeleted(
                targets.stream().map(IndexedVersion::version).toList()));
    }

    public static Decision decide(DeleteVersion cmd, RegistryIndex index) {
        String subject = cmd.subject();
        List<IndexedVersion> versions = index.versions(subject);
        if (versions.isEmpty()) {
            return reject(ErrorCode.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        List<IndexedVersion> live = versions.stream().filter(v -> !v.deleted()).toList();
        IndexedVersion target;
        if (cmd.version() == DeleteVersion.LATEST) {
            // As in Confluent, "latest" is the latest live version, for a permanent delete too (which then
            // answers 40407); with no live version left it is 40402.
            if (live.isEmpty()) {
                return reject(ErrorCode.VERSION_NOT_FOUND, "Version latest not found.");
            }
            target = live.get(live.size() - 1);
        } else {
            Optional<IndexedVersion> found = versions.stream().filter(v -> v.version() == cmd.version()).findFirst();
            if (found.isEmpty()) {
                return reject(ErrorCode.VERSION_NOT_FOUND, "Version " + cmd.version() + " not found.");
            }
            target = found.get();
        }
        if (!cmd.permanent() && target.deleted()) {
            return reject(ErrorCode.SCHEMA_VERSION_SOFT_DELETED, "Subject '" + subject + "' Version "
                    + target.version() + " was soft deleted. Set permanent=true to delete permanently");
        }
        Optional<Decision> notPermitted = readOnly(index, subject);
        if (notPermitted.isPresent()) {
            return notPermitted.get();
        }
        Optional<Decision> referenced = referenced(index, subject, target);
        if (referenced.isPresent()) {
            return referenced.get();
        }
        if (cmd.permanent() && !target.deleted()) {
            return reject(ErrorCode.SCHEMA_VERSION_NOT_SOFT_DELETED, "Subject '" + subject + "' Version "
                    + target.version() + " was not deleted first before being permanently deleted");
        }
        List<LogEvent> events = new ArrayList<>();
        LogKey.SchemaKey key = new LogKey.SchemaKey(subject, target.version());
        if (cmd.permanent()) {
            events.add(new LogEvent(key, null));
        } else {
            IndexedSchema schema = index.schema(QualifiedSubject.contextOf(subject), target.id()).orElseThrow(() -> new IllegalStateException(
                    "index names schema id " + target.id() + " but lacks it"));
            events.add(new LogEvent(key, new LogValue.SchemaValue(subject, target.version(), target.id(),
                    schema.type(), schema.schema(), schema.references(), target.metadata(), target.ruleSet(), true)));
            if (live.size() == 1) {
                events.addAll(clearSubjectSettings(index, subject));
            }
        }
        return new Decision(events, new Outcome.VersionDeleted(target.version()));
    }

    /** The live referrers of a version, for {@code GET …/referencedby} and the 42206 rule. */
    public static List<Integer> referencedBy(RegistryIndex index, String subject, int version) {
        return index.referrers(subject, version).stream().map(Referrer::id).distinct().sorted().toList();
    }

    private static Optional<Decision> referenced(RegistryIndex index, String subject, IndexedVersion version) {
        List<Referrer> referrers = index.referrers(subject, version.version());
        if (referrers.isEmpty()) {
            return Optional.empty();
        }
        Referrer first = referrers.get(0);
        return Optional.of(reject(ErrorCode.REFERENCE_EXISTS, "One or more references exist to the schema "
                + "{magic=1,keytype=SCHEMA,subject=" + subject + ",version=" + version.version() + "}: referenced by "
                + "subject " + first.subject() + " version " + first.version()));
    }

    private static Optional<Decision> readOnly(RegistryIndex index, String subject) {
        return SettingsRules.readOnly(index, subject);
    }

    private static List<LogEvent> clearSubjectSettings(RegistryIndex index, String subject) {
        List<LogEvent> events = new ArrayList<>();
        if (index.mode(subject).isPresent()) {
            events.add(new LogEvent(new LogKey.ModeKey(subject), null));
        }
        if (index.config(subject).isPresent()) {
            events.add(new LogEvent(new LogKey.ConfigKey(subject), null));
        }
        return events;
    }

    private static Decision reject(ErrorCode code, String message) {
        return Decision.answer(Rejected.of(code, message));
    }
}
