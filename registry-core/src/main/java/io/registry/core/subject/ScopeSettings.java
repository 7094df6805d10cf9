package io.registry.core.subject;

import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogValue.ConfigValue;

import java.util.Optional;

/**
 * What is set on each settings scope, exactly as stored: a subject, a context's scope {@code :.ctx:}, or the global
 * scope ({@code null}). Implemented by the sequencer's index and by the API's read model, so that both resolve the
 * setting in effect through the one policy, {@link EffectiveSettings}, and can never disagree about it.
 */
public interface ScopeSettings {
    /** The compatibility level set on exactly this scope, if any. */
    Optional<CompatibilityLevel> compatibilityLevel(String scope);

    /** The {@code normalize} flag of the config set on exactly this scope, if any. */
    Optional<Boolean> normalize(String scope);

    /** The mode set on exactly this scope, if any. */
    Optional<Mode> modeSetting(String scope);

    /** The whole config record set on exactly this scope (Confluent's {@code CONFIG} value), if any field is set. */
    Optional<ConfigValue> config(String scope);
}
