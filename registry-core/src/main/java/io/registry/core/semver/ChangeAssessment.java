package io.registry.core.semver;

import io.registry.core.compat.CompatibilityLevel;

import java.util.List;
import java.util.Optional;

/**
 * What a proposed schema means for a subject.
 *
 * @param level        the level the verdict was taken under (the subject's, or the one asked for)
 * @param compatible   whether the registry would accept it under {@code level}
 * @param messages     why it is not compatible (empty when it is)
 * @param bump         the step it needs; empty for the first version of a subject
 * @param breaking     why it needs a major step (empty unless {@code bump} is MAJOR). Under level NONE nothing is
 *                     rejected, but semantic versions still judge a change by BACKWARD (the default level)
 * @param previous     the semantic version of the latest version, when known
 * @param next         the version it would get: 1.0.0 first, else {@code previous} bumped
 */
public record ChangeAssessment(CompatibilityLevel level, boolean compatible, List<String> messages,
                               Optional<Bump> bump, List<String> breaking, Optional<SemanticVersion> previous,
                               SemanticVersion next) {
    public ChangeAssessment {
        messages = List.copyOf(messages);
        breaking = List.copyOf(breaking);
    }
}
