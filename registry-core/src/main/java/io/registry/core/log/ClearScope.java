package io.registry.core.log;

import io.registry.core.subject.QualifiedSubject;

/**
 * The subjects a {@code CLEAR_SUBJECT} record clears when its subject is not one subject: every subject of every
 * context ({@code context} null), or every subject of one context.
 *
 * <p>Confluent writes {@code CLEAR_SUBJECT} with the subject it switches to IMPORT mode ({@code setMode}), so a
 * global switch writes a null subject and a context's switch the bare context {@code :.ctx:}. Its reader
 * ({@code KafkaStoreMessageHandler.handleClearSubject} → {@code InMemoryCache.clearSubjects}) matches subjects with
 * {@code matchingSubjectPredicate}: a null subject matches every subject of every context; a subject whose name part
 * is empty ({@code :.ctx:}, {@code :.ctx}, and {@code ""} for the default context) matches every subject of that
 * context; anything else only itself. {@link #of} makes the same reading. The wildcard {@code :*:} names context
 * {@code *}, which no stored subject is in, so it clears nothing (Confluent's predicate matches nothing it
 * registers there either).
 */
public record ClearScope(String context) {
    /** Every subject of every context: Confluent's global IMPORT switch. */
    public static final ClearScope EVERY_CONTEXT = new ClearScope(null);

    /**
     * The scope a {@code CLEAR_SUBJECT} subject names, or null when it names one subject (cleared by
     * {@link LogEventHandler#clearSubject}).
     */
    public static ClearScope of(String subject) {
        if (subject == null) {
            return EVERY_CONTEXT;
        }
        QualifiedSubject parsed = QualifiedSubject.parse(subject);
        return parsed.name().isEmpty() ? new ClearScope(parsed.context()) : null;
    }

    /** Whether {@code subject} (as the log spells it) is in this scope. */
    public boolean contains(String subject) {
        return context == null || context.equals(QualifiedSubject.contextOf(subject));
    }

    public boolean everyContext() {
        return context == null;
    }
}
