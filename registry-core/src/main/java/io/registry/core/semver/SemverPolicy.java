package io.registry.core.semver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.core.command.ErrorCode;
import io.registry.core.compat.CompatibilityChecker;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaFormat;
import io.registry.core.schema.avro.AvroParsedSchema;
import io.registry.core.schema.json.JsonParsedSchema;
import io.registry.core.subject.CompatibilityRules;
import io.registry.core.subject.SubjectHistory;
import org.apache.avro.SchemaNormalization;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Semantic versions of schema changes: breaking under the subject's level → major; compatible but structurally
 * different → minor; no structural change (only annotations such as descriptions, titles, examples, docs) →
 * patch. A registration that names its own version must be later than the latest one and step at least as far
 * as the change needs.
 */
public final class SemverPolicy {
    /** JSON Schema keywords that annotate and never constrain. */
    private static final Set<String> JSON_ANNOTATIONS = Set.of("title", "description", "$comment", "examples",
            "deprecated", "readOnly", "writeOnly", "default");
    /** JSON Schema keywords whose object value maps names (not keywords) to schemas. */
    private static final Set<String> NAME_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions",
            "dependentSchemas", "dependencies");

    private SemverPolicy() {
    }

    /**
     * The change {@code proposed} makes to a subject's history, judged by the one compatibility rule
     * ({@link CompatibilityRules#problems}: the subject's settings, its compatibility group, reserved fields). The
     * sequencer decides semantic versions with it and {@code POST /api/v1/compatibility/check} reports it.
     *
     * @param settings the subject's settings, or with the level a check asks for
     */
    public static <V> ChangeAssessment assess(SchemaFormat format, CompatibilityRules.Settings settings,
                                              ParsedSchema proposed, JsonNode proposedMetadata,
                                              SubjectHistory<V> history) {
        return assess(format, settings, proposed, proposedMetadata, history,
                SemverMetadata.of(history.latestMetadata()));
    }

    /**
     * The same for schemas without metadata under a bare level.
     *
     * @param previous       live versions of the subject, oldest first
     * @param previousSemver the semantic version of the latest of them, when it has one
     */
    public static ChangeAssessment assess(SchemaFormat format, CompatibilityLevel level, ParsedSchema proposed,
                                          List<? extends ParsedSchema> previous,
                                          Optional<SemanticVersion> previousSemver) {
        return assess(format, new CompatibilityRules.Settings(level, false, null), proposed, null,
                SubjectHistory.ofSchemas(previous), previousSemver);
    }

    private static <V> ChangeAssessment assess(SchemaFormat format, CompatibilityRules.Settings settings,
                                               ParsedSchema proposed, JsonNode proposedMetadata,
                                               SubjectHistory<V> history, Optional<SemanticVersion> previousSemver) {
        CompatibilityLevel level = settings.level();
        List<String> messages = CompatibilityRules.problems(format, settings, proposed, proposedMetadata, history);
        if (history.isEmpty()) {
            return new ChangeAssessment(level, true, messages, Optional.empty(), List.of(), Optional.empty(),
                    SemanticVersion.INITIAL);
        }
        CompatibilityLevel yardstick = level == CompatibilityLevel.NONE ? CompatibilityLevel.BACKWARD : level;
        List<String> breaking = yardstick == level ? messages
                : CompatibilityRules.problems(format, settings.withLevel(yardstick), proposed, proposedMetadata,
                history);
        Bump bump;
        if (!breaking.isEmpty()) {
            bump = Bump.MAJOR;
        } else if (structurallyEqual(history.latestSchema().orElseThrow(), proposed)) {
            bump = Bump.PATCH;
        } else {
            bump = Bump.MINOR;
        }
        // Versions registered without a semantic version count as 1.0.0, 1.1.0… is unknowable: assume 1.0.0.
        SemanticVersion base = previousSemver.orElse(SemanticVersion.INITIAL);
        return new ChangeAssessment(level, messages.isEmpty(), messages, Optional.of(bump), breaking,
                previousSemver, base.bump(bump));
    }

    /**
     * The one schema-type guard of semantic versions: a subject's versions of another schema type cannot be
     * compared with {@code proposed}, so no step can be judged (a 409 on every {@code /api/v1} route).
     */
    public static <V> Optional<String> typeConflict(String subject, ParsedSchema proposed,
                                                    SubjectHistory<V> history) {
        List<ParsedSchema> previous = history.schemas();
        return CompatibilityChecker.typeMismatch(proposed, previous).map(why -> "Subject '" + subject + "' holds "
                + previous.get(0).type() + " schemas; schema_type "
                + proposed.type().name().toLowerCase(Locale.ROOT) + " cannot follow them (" + why + ")");
    }

    /** The sequencer's decision on a registration's semantic version. */
    public sealed interface Verdict {
        /** The version the registration gets. */
        record Assigned(SemanticVersion version) implements Verdict {
        }

        /** Nothing may be written. */
        record Refused(ErrorCode code, String message) implements Verdict {
        }
    }

    /**
     * The semantic version a registration gets, decided against the subject's history as of the moment of decision
     * (the sequencer's index): the version asked for if it steps far enough, else the next one the change needs.
     * Refused: an unknown policy or malformed version, another schema type, a version not later than the latest
     * or stepping too little, and a change the subject's level rejects.
     */
    public static <V> Verdict decide(String subject, SemverRequest request, SchemaFormat format,
                                     CompatibilityRules.Settings settings, ParsedSchema proposed,
                                     JsonNode proposedMetadata, SubjectHistory<V> history) {
        if (request.bumpPolicy().isEmpty()) {
            return new Verdict.Refused(ErrorCode.BAD_REQUEST, "Unknown semantic version policy '" + request.policy()
                    + "'; this sequencer knows " + java.util.Arrays.stream(BumpPolicy.values())
                    .map(BumpPolicy::wire).toList());
        }
        Optional<SemanticVersion> requested = SemanticVersion.parse(request.version());
        if (request.version() != null && requested.isEmpty()) {
            return new Verdict.Refused(ErrorCode.INVALID_VERSION, "Field 'version' must be a semantic version "
                    + "MAJOR.MINOR.PATCH, got '" + request.version() + "'");
        }
        Optional<String> conflict = typeConflict(subject, proposed, history);
        if (conflict.isPresent()) {
            return new Verdict.Refused(ErrorCode.INCOMPATIBLE_SCHEMA, conflict.get());
        }
        ChangeAssessment assessment = assess(format, settings, proposed, proposedMetadata, history);
        if (requested.isPresent()) {
            Optional<String> problem = checkRequested(assessment, requested.get());
            if (problem.isPresent()) {
                return new Verdict.Refused(ErrorCode.INCOMPATIBLE_SCHEMA, problem.get());
            }
        }
        if (!assessment.compatible()) {
            return new Verdict.Refused(ErrorCode.INCOMPATIBLE_SCHEMA, "Schema being registered is incompatible "
                    + "with an earlier schema for subject \"" + subject + "\" under " + assessment.level()
                    + " (it would need a major version): " + assessment.messages());
        }
        return new Verdict.Assigned(requested.orElse(assessment.next()));
    }

    /**
     * Why {@code requested} cannot be the version of the change assessed; empty when it can.
     */
    public static Optional<String> checkRequested(ChangeAssessment assessment, SemanticVersion requested) {
        if (assessment.bump().isEmpty() || assessment.previous().isEmpty()) {
            return Optional.empty();
        }
        SemanticVersion previous = assessment.previous().get();
        Bump needed = assessment.bump().get();
        Optional<Bump> step = previous.stepTo(requested);
        if (step.isEmpty()) {
            return Optional.of("Version " + requested + " is not later than the latest version " + previous);
        }
        if (step.get().compareTo(needed) < 0) {
            String why = needed == Bump.MAJOR
                    ? "a breaking change under " + (assessment.level() == CompatibilityLevel.NONE
                    ? CompatibilityLevel.BACKWARD : assessment.level()) + ": " + assessment.breaking()
                    : "a structural (additive) change";
            return Optional.of("Version " + requested + " is a " + step.get().wire() + " step from " + previous
                    + ", but the change needs a " + needed.wire() + " step (at least "
                    + previous.bump(needed) + "): " + why);
        }
        return Optional.empty();
    }

    static boolean structurallyEqual(ParsedSchema a, ParsedSchema b) {
        if (a.type() != b.type()) {
            return false;
        }
        if (a instanceof JsonParsedSchema ja && b instanceof JsonParsedSchema jb) {
            return withoutAnnotations(ja.node(), false).equals(withoutAnnotations(jb.node(), false));
        }
        if (a instanceof AvroParsedSchema aa && b instanceof AvroParsedSchema ab) {
            return SchemaNormalization.toParsingForm(aa.schema()).equals(SchemaNormalization.toParsingForm(ab.schema()));
        }
        return a.canonical().equals(b.canonical());
    }

    /** @param names true when {@code node}'s keys are names (under properties, $defs…), not keywords */
    private static JsonNode withoutAnnotations(JsonNode node, boolean names) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!names && JSON_ANNOTATIONS.contains(e.getKey())) {
                    continue;
                }
                out.set(e.getKey(), withoutAnnotations(e.getValue(), !names && NAME_MAPS.contains(e.getKey())));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(withoutAnnotations(n, false)));
            return out;
        }
        return node;
    }
}
