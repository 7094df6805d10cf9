package io.registry.core.semver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.core.compat.CompatibilityChecker;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaFormat;
import io.registry.core.schema.avro.AvroParsedSchema;
import io.registry.core.schema.json.JsonParsedSchema;
import org.apache.avro.SchemaNormalization;

import java.util.Iterator;
import java.util.List;
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
     * @param previous         live versions of the subject, oldest first
     * @param previousSemver   the semantic version of the latest of them, when it has one
     */
    public static ChangeAssessment assess(SchemaFormat format, CompatibilityLevel level, ParsedSchema proposed,
                                          List<? extends ParsedSchema> previous,
                                          Optional<SemanticVersion> previousSemver) {
        List<String> messages = CompatibilityChecker.check(format, level, proposed, previous);
        if (previous.isEmpty()) {
            return new ChangeAssessment(level, true, messages, Optional.empty(), List.of(), Optional.empty(),
                    SemanticVersion.INITIAL);
        }
        CompatibilityLevel yardstick = level == CompatibilityLevel.NONE ? CompatibilityLevel.BACKWARD : level;
        List<String> breaking = yardstick == level ? messages
                : CompatibilityChecker.check(format, yardstick, proposed, previous);
        Bump bump;
        if (!breaking.isEmpty()) {
            bump = Bump.MAJOR;
        } else if (structurallyEqual(previous.get(previous.size() - 1), proposed)) {
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
