package io.registry.core.subject;

import java.util.Objects;

/**
 * A subject name as Confluent's schema contexts read it: {@code [:.context:]name}. A subject without the
 * {@code :.} prefix is in the default context {@code "."}; {@code :.ctx:} alone names the context itself (its
 * config and mode scope, Confluent's "context-level" settings); {@code :*:name} is the wildcard context (every
 * context), used by subject prefixes. Each context is an independent registry: its own schema ids (starting at 1),
 * fingerprints, subjects, and a config/mode scope {@code :.ctx:} that its subjects fall back to instead of the
 * global one. The log keeps the qualified string as it is, so a Confluent {@code _schemas} topic with contexts
 * reads unchanged.
 *
 * <p>Parsing follows Confluent's {@code QualifiedSubject} (tenants aside): it never fails; a context without its
 * closing colon ({@code :.ctx}) is the context with an empty name part.
 */
public record QualifiedSubject(String context, String name) {
    public static final String DEFAULT_CONTEXT = ".";
    public static final String WILDCARD_CONTEXT = "*";
    /** The subject prefix that matches subjects of every context. */
    public static final String WILDCARD_PREFIX = ":*:";
    private static final String CONTEXT_PREFIX = ":.";

    public QualifiedSubject {
        Objects.requireNonNull(context, "context");
        name = name == null ? "" : name;
    }

    /** Parses a (possibly qualified) subject; null reads as the default context's empty subject. */
    public static QualifiedSubject parse(String subject) {
        if (subject == null) {
            return new QualifiedSubject(DEFAULT_CONTEXT, "");
        }
        if (subject.startsWith(CONTEXT_PREFIX)) {
            int end = subject.indexOf(':', CONTEXT_PREFIX.length());
            return end < 0
                    ? new QualifiedSubject(subject.substring(1), "")
                    : new QualifiedSubject(subject.substring(1, end), subject.substring(end + 1));
        }
        if (subject.startsWith(WILDCARD_PREFIX)) {
            return new QualifiedSubject(WILDCARD_CONTEXT, subject.substring(WILDCARD_PREFIX.length()));
        }
        return new QualifiedSubject(DEFAULT_CONTEXT, subject);
    }

    /** The context of a subject string ({@code "."} for an unqualified one or null). */
    public static String contextOf(String subject) {
        if (subject == null || !subject.startsWith(CONTEXT_PREFIX)) {
            return DEFAULT_CONTEXT;
        }
        return parse(subject).context();
    }

    public boolean isDefaultContext() {
        return DEFAULT_CONTEXT.equals(context);
    }

    public boolean isWildcard() {
        return WILDCARD_CONTEXT.equals(context);
    }

    /** {@code ""} for the default context, else {@code :.ctx:} (Confluent's qualified context). */
    public String contextPrefix() {
        return prefixOf(context);
    }

    /** The subject string as the log and the API spell it. */
    public String qualified() {
        return contextPrefix() + name;
    }

    @Override
    public String toString() {
        return qualified();
    }

    /** {@code ""} for the default context, {@code :*:} for the wildcard, else {@code :<context>:}. */
    public static String prefixOf(String context) {
        if (DEFAULT_CONTEXT.equals(context)) {
            return "";
        }
        return ":" + context + ":";
    }

    /**
     * The config/mode scope a subject falls back to when it has no setting of its own, as Confluent resolves it:
     * the global scope (null) for the default context, the context's own scope {@code :.ctx:} otherwise (and not
     * the global one after it). The global scope and a context scope have no parent (null / themselves: callers
     * stop there).
     */
    public static String parentScope(String subject) {
        if (subject == null) {
            return null;
        }
        String context = contextOf(subject);
        return DEFAULT_CONTEXT.equals(context) ? null : prefixOf(context);
    }

    /**
     * A reference's subject as the referencing subject's context reads it (Confluent's
     * {@code qualifySubjectWithParent}): an unqualified reference from a subject in context {@code .ctx} means
     * {@code :.ctx:<reference>}; a qualified one is taken as written.
     */
    public static String qualifyReference(String referencingSubject, String referenceSubject) {
        if (referenceSubject == null || referenceSubject.startsWith(CONTEXT_PREFIX)) {
            return referenceSubject;
        }
        String context = contextOf(referencingSubject);
        return DEFAULT_CONTEXT.equals(context) ? referenceSubject : prefixOf(context) + referenceSubject;
    }

    /**
     * Confluent's {@code normalizeContext} for a context name taken from a URL or a query: surrounding colons are
     * dropped, a missing leading dot is added; answers {@code ""} for the default context, else {@code :.ctx:}.
     *
     * @throws IllegalArgumentException when the name contains a colon
     */
    public static String normalizeContext(String context) {
        String c = context;
        if (c.startsWith(":")) {
            c = c.substring(1);
        }
        if (c.endsWith(":")) {
            c = c.substring(0, c.length() - 1);
        }
        if (c.contains(":")) {
            throw new IllegalArgumentException("Context name cannot contain a colon");
        }
        if (!c.startsWith(".")) {
            c = "." + c;
        }
        return prefixOf(c);
    }

    /**
     * Confluent's {@code subjectPrefix} filter: null, empty or {@code :*:} matches every subject of every context;
     * {@code :*:abc} the subjects named {@code abc…} in any context; any other prefix is a plain prefix of the
     * qualified subject (so {@code abc} matches in the default context only and {@code :.ctx:} a whole context).
     */
    public static boolean matchesPrefix(String subject, String subjectPrefix) {
        if (subjectPrefix == null || subjectPrefix.isEmpty()) {
            return true;
        }
        if (subjectPrefix.startsWith(WILDCARD_PREFIX)) {
            return parse(subject).name().startsWith(subjectPrefix.substring(WILDCARD_PREFIX.length()));
        }
        return subject.startsWith(subjectPrefix);
    }

    /** Whether a (qualified) subject string names a context rather than a subject ({@code :.ctx:} or {@code :.ctx}). */
    public static boolean isContextScope(String subject) {
        return subject != null && subject.startsWith(CONTEXT_PREFIX) && parse(subject).name().isEmpty();
    }
}
