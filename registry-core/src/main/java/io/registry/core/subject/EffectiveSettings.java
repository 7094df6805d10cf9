package io.registry.core.subject;

import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogValue.ConfigValue;

import java.util.Optional;

/**
 * Which mode, compatibility level and {@code normalize} flag apply to a subject, as Confluent resolves them
 * ({@code getModeInScope}, {@code getConfigInScope} and their "own setting" counterparts). One policy for the
 * sequencer, which enforces it over its index, and for the API's {@code GET /mode|/config} routes and compatibility
 * questions, which report it over the read model: both implement {@link ScopeSettings}.
 *
 * <p>A subject without a setting of its own falls back to its parent scope ({@link QualifiedSubject#parentScope}):
 * the global scope for the default context, the context's own scope {@code :.ctx:} for a named context (and not the
 * global one after it), then Confluent's default. A global {@code READONLY_OVERRIDE} beats every other mode.
 */
public final class EffectiveSettings {
    private EffectiveSettings() {
    }

    /** The mode in effect ({@code GET /mode/{s}?defaultToGlobal=true}; what every write is checked against). */
    public static Mode mode(ScopeSettings settings, String subject) {
        return overridden(settings).orElseGet(() -> settings.modeSetting(subject)
                .or(() -> settings.modeSetting(QualifiedSubject.parentScope(subject)))
                .orElse(Mode.DEFAULT));
    }

    /**
     * The subject's own mode ({@code GET /mode/{s}} without {@code defaultToGlobal}; the global scope for null),
     * except that a global {@code READONLY_OVERRIDE} is reported for every subject, as Confluent's {@code getMode}.
     */
    public static Optional<Mode> ownMode(ScopeSettings settings, String subject) {
        if (subject == null) {
            return Optional.of(settings.modeSetting(null).orElse(Mode.DEFAULT));
        }
        return overridden(settings).or(() -> settings.modeSetting(subject));
    }

    /** The level in effect: the subject's, else its parent scope's, else BACKWARD. */
    public static CompatibilityLevel compatibility(ScopeSettings settings, String subject) {
        return settings.compatibilityLevel(subject)
                .or(() -> settings.compatibilityLevel(QualifiedSubject.parentScope(subject)))
                .orElse(CompatibilityLevel.DEFAULT);
    }

    /** The {@code normalize} flag in effect, if the subject or its parent scope sets one. */
    public static Optional<Boolean> normalizeSetting(ScopeSettings settings, String subject) {
        return settings.normalize(subject).or(() -> settings.normalize(QualifiedSubject.parentScope(subject)));
    }

    /** Whether schemas under {@code subject} are normalized: asked for by the request, or by the config in effect. */
    public static boolean normalize(ScopeSettings settings, String subject, boolean requested) {
        return requested || normalizeSetting(settings, subject).orElse(false);
    }

    /**
     * The config in effect, field by field ({@code GET /config/{s}?defaultToGlobal=true}, {@code GET /config}; what
     * registrations are checked under, {@link CompatibilityRules.Settings#of}): each field the subject sets, else its
     * parent scope's; the level always present ({@link #compatibility}).
     */
    public static ConfigValue config(ScopeSettings settings, String subject) {
        ConfigValue own = settings.config(subject).orElse(new ConfigValue(null));
        ConfigValue merged = subject == null ? own
                : settings.config(QualifiedSubject.parentScope(subject)).map(p -> p.mergedWith(own)).orElse(own);
        return merged.mergedWith(new ConfigValue(compatibility(settings, subject).name()));
    }

    private static Optional<Mode> overridden(ScopeSettings settings) {
        return settings.modeSetting(null).filter(m -> m == Mode.READONLY_OVERRIDE);
    }
}
