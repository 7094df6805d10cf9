package io.registry.api.confluent;

import io.registry.core.subject.QualifiedSubject;

import java.util.List;

/** Confluent's {@code offset}/{@code limit} and {@code subjectPrefix} conventions for list endpoints. */
final class Paging {

    private Paging() {
    }

    /**
     * Confluent's {@code skip(offset).limit(normalizeLimit(limit))}: a limit outside 1..max means the default, which
     * is "all" here (no search limits are configured); an offset past the end gives an empty page. A negative
     * offset counts as 0 (Confluent's stream would throw: a 500 there, never one here).
     */
    static <T> List<T> page(List<T> items, int offset, int limit) {
        int from = Math.min(Math.max(offset, 0), items.size());
        int to = limit > 0 ? (int) Math.min((long) from + limit, items.size()) : items.size();
        return items.subList(from, to);
    }

    /** Confluent's {@code subjectPrefix}: none or {@code :*:…} spans every context (see QualifiedSubject). */
    static boolean matches(String subject, String subjectPrefix) {
        return QualifiedSubject.matchesPrefix(subject, subjectPrefix);
    }
}
