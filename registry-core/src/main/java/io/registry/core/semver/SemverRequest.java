package io.registry.core.semver;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Optional;

/**
 * What a registration asks of semantic versioning, carried in the command so that the sequencer decides the
 * semantic version against its index, in log order: two concurrent registrations can never get the same one.
 *
 * @param version the version asked for ({@code MAJOR.MINOR.PATCH}), or null for "the next one the change needs"
 * @param policy  how the step is judged ({@link BumpPolicy}); null means {@link BumpPolicy#CHANGE}. A sequencer
 *                refuses a policy it does not know rather than apply another one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SemverRequest(String version, String policy) {
    public static SemverRequest next() {
        return new SemverRequest(null, BumpPolicy.CHANGE.wire());
    }

    public static SemverRequest of(Optional<SemanticVersion> requested) {
        return new SemverRequest(requested.map(Object::toString).orElse(null), BumpPolicy.CHANGE.wire());
    }

    /** The policy, empty when this build does not know it. */
    public Optional<BumpPolicy> bumpPolicy() {
        return policy == null ? Optional.of(BumpPolicy.CHANGE) : BumpPolicy.parse(policy);
    }
}
