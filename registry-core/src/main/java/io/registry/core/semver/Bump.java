package io.registry.core.semver;

/** The semantic-version step a schema change needs, weakest first. */
public enum Bump {
    /** No structural change (documentation, titles, examples, formatting). */
    PATCH,
    /** Additive: readers and writers of the previous version keep working under the subject's level. */
    MINOR,
    /** Breaking under the subject's compatibility level. */
    MAJOR;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
