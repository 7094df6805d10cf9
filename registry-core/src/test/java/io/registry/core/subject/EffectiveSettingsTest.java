package io.registry.core.subject;

import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.log.LogValue.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EffectiveSettingsTest {

    /** Settings per scope; the global scope is the key "null". */
    private static final class Scopes implements ScopeSettings {
        final Map<String, CompatibilityLevel> levels = new HashMap<>();
        final Map<String, Boolean> normalize = new HashMap<>();
        final Map<String, Mode> modes = new HashMap<>();

        @Override
        public Optional<CompatibilityLevel> compatibilityLevel(String scope) {
            return Optional.ofNullable(levels.get(String.valueOf(scope)));
        }

        @Override
        public Optional<Boolean> normalize(String scope) {
            return Optional.ofNullable(normalize.get(String.valueOf(scope)));
        }

        final Map<String, Boolean> validateFields = new HashMap<>();

        @Override
        public Optional<Mode> modeSetting(String scope) {
            return Optional.ofNullable(modes.get(String.valueOf(scope)));
        }

        @Override
        public Optional<ConfigValue> config(String scope) {
            String key = String.valueOf(scope);
            if (!levels.containsKey(key) && !normalize.containsKey(key) && !validateFields.containsKey(key)) {
                return Optional.empty();
            }
            return Optional.of(new ConfigValue(compatibilityLevel(scope).map(Enum::name).orElse(null),
                    normalize.get(key), validateFields.get(key), null, null, null, null, null, null));
        }
    }

    /** The config in effect (GET /config?defaultToGlobal, the sequencer's checks): field by field, level always. */
    @Test
    void configInEffectMergesFieldByFieldWithTheLevelAlwaysPresent() {
        Scopes s = new Scopes();
        assertEquals(new ConfigValue("BACKWARD"), EffectiveSettings.config(s, null));
        assertEquals(new ConfigValue("BACKWARD"), EffectiveSettings.config(s, "a"));
        s.validateFields.put("null", true);
        s.levels.put("null", CompatibilityLevel.FULL);
        s.normalize.put("a", true);
        ConfigValue a = EffectiveSettings.config(s, "a");
        assertEquals("FULL", a.compatibilityLevel());
        assertEquals(true, a.validateFields());
        assertEquals(true, a.normalize());
        assertEquals(CompatibilityRules.Settings.of(s, "a"),
                new CompatibilityRules.Settings(CompatibilityLevel.FULL, true, null));
        // a named context does not see the global scope, only its own :.ctx:
        assertEquals(new ConfigValue("BACKWARD"), EffectiveSettings.config(s, ":.ctx:a"));
        s.levels.put(":.ctx:", CompatibilityLevel.NONE);
        assertEquals("NONE", EffectiveSettings.config(s, ":.ctx:a").compatibilityLevel());
    }

    @Test
    void defaultsWhenNothingIsSet() {
        Scopes s = new Scopes();
        assertEquals(Mode.READWRITE, EffectiveSettings.mode(s, "a"));
        assertEquals(Mode.READWRITE, EffectiveSettings.mode(s, null));
        assertEquals(Optional.empty(), EffectiveSettings.ownMode(s, "a"));
        assertEquals(Optional.of(Mode.READWRITE), EffectiveSettings.ownMode(s, null));
        assertEquals(CompatibilityLevel.BACKWARD, EffectiveSettings.compatibility(s, "a"));
        assertEquals(false, EffectiveSettings.normalize(s, "a", false));
        assertEquals(true, EffectiveSettings.normalize(s, "a", true));
    }

    @Test
    void defaultContextSubjectsFallBackToTheGlobalScope() {
        Scopes s = new Scopes();
        s.modes.put("null", Mode.READONLY);
        s.levels.put("null", CompatibilityLevel.FULL);
        s.normalize.put("null", true);
        assertEquals(Mode.READONLY, EffectiveSettings.mode(s, "a"));
        assertEquals(Optional.empty(), EffectiveSettings.ownMode(s, "a"), "a global READONLY is not the subject's own");
        assertEquals(CompatibilityLevel.FULL, EffectiveSettings.compatibility(s, "a"));
        assertEquals(Optional.of(true), EffectiveSettings.normalizeSetting(s, "a"));
        s.modes.put("a", Mode.IMPORT);
        s.levels.put("a", CompatibilityLevel.NONE);
        s.normalize.put("a", false);
        assertEquals(Mode.IMPORT, EffectiveSettings.mode(s, "a"));
        assertEquals(Optional.of(Mode.IMPORT), EffectiveSettings.ownMode(s, "a"));
        assertEquals(CompatibilityLevel.NONE, EffectiveSettings.compatibility(s, "a"));
        assertEquals(false, EffectiveSettings.normalize(s, "a", false));
    }

    @Test
    void namedContextSubjectsFallBackToTheirContextNotTheGlobalScope() {
        Scopes s = new Scopes();
        s.modes.put("null", Mode.READONLY);
        s.levels.put("null", CompatibilityLevel.FULL);
        s.normalize.put("null", true);
        assertEquals(Mode.READWRITE, EffectiveSettings.mode(s, ":.ctx:a"));
        assertEquals(CompatibilityLevel.BACKWARD, EffectiveSettings.compatibility(s, ":.ctx:a"));
        assertEquals(Optional.empty(), EffectiveSettings.normalizeSetting(s, ":.ctx:a"));
        s.modes.put(":.ctx:", Mode.IMPORT);
        s.levels.put(":.ctx:", CompatibilityLevel.FORWARD);
        s.normalize.put(":.ctx:", false);
        assertEquals(Mode.IMPORT, EffectiveSettings.mode(s, ":.ctx:a"));
        assertEquals(Mode.IMPORT, EffectiveSettings.mode(s, ":.ctx:"));
        assertEquals(CompatibilityLevel.FORWARD, EffectiveSettings.compatibility(s, ":.ctx:a"));
        assertEquals(Optional.of(false), EffectiveSettings.normalizeSetting(s, ":.ctx:a"));
        assertEquals(Optional.empty(), EffectiveSettings.ownMode(s, ":.ctx:a"));
    }

    @Test
    void aGlobalReadOnlyOverrideIsEverySubjectsModeOwnOrNot() {
        Scopes s = new Scopes();
        s.modes.put("null", Mode.READONLY_OVERRIDE);
        s.modes.put("a", Mode.READWRITE);
        s.modes.put(":.ctx:", Mode.IMPORT);
        assertEquals(Mode.READONLY_OVERRIDE, EffectiveSettings.mode(s, "a"));
        assertEquals(Mode.READONLY_OVERRIDE, EffectiveSettings.mode(s, ":.ctx:b"));
        assertEquals(Optional.of(Mode.READONLY_OVERRIDE), EffectiveSettings.ownMode(s, "a"));
        assertEquals(Optional.of(Mode.READONLY_OVERRIDE), EffectiveSettings.ownMode(s, "unset"));
        assertEquals(Optional.of(Mode.READONLY_OVERRIDE), EffectiveSettings.ownMode(s, null));
    }
}
