package io.registry.launcher;

import java.util.Map;

/**
 * Which parts of the application each role switches on. These are defaults: a system property or environment
 * variable of the same name wins (see {@link #withoutOverridden}).
 */
final class RoleProperties {
    private RoleProperties() {
    }

    /** Drops the keys the operator set explicitly ({@code -Dkey=…} or the matching environment variable). */
    static Map<String, Object> withoutOverridden(Map<String, Object> defaults) {
        Map<String, Object> kept = new java.util.HashMap<>();
        defaults.forEach((key, value) -> {
            String env = key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
            if (System.getProperty(key) == null && System.getenv(env) == null) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    static Map<String, Object> api() {
        return Map.of(
                "registry.sequencer.enabled", false,
                "registry.projector.enabled", false,
                "flyway.datasources.default.enabled", false);
    }

    static Map<String, Object> streams() {
        return Map.of(
                "registry.sequencer.enabled", true,
                "registry.projector.enabled", true,
                "flyway.datasources.default.enabled", true);
    }

    /** Dev mode as a replica region: no sequencer (the primary's is the only writer); projectors and API as usual. */
    static Map<String, Object> devReplica(String primaryBootstrap) {
        return Map.of(
                "registry.sequencer.enabled", false,
                "registry.projector.enabled", true,
                "flyway.datasources.default.enabled", true,
                "registry.region.role", "replica",
                "registry.region.primary-bootstrap-servers", primaryBootstrap);
    }

    static Map<String, Object> dev() {
        return Map.of(
                "registry.sequencer.enabled", true,
                "registry.projector.enabled", true,
                "flyway.datasources.default.enabled", true);
    }
}
