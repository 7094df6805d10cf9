package io.registry.api.confluent;

import java.util.List;

/** Confluent's {@code offset}/{@code limit} and {@code subjectPrefix} conventions for list endpoints. */
final class Paging {
    /** Confluent's default prefix: every subject of the default context. */
    static final String ALL_OF_DEFAULT_CONTEXT = ":*:";

    private Paging() {
    }

    /** {@code limit} ≤ 0 means no limit (Confluent's default is -1); a negative offset counts as 0. */
    static <T> List<T> page(List<T> items, int offset, int limit) {
        int from = Math.min(Math.max(offset, 0), items.size());
        int to = limit > 0 ? (int) Math.min((long) from + limit, items.size()) : items.size();
        return items.subList(from, to);
    }

    static String prefix(String subjectPrefix) {
        return subjectPrefix == null || subjectPrefix.equals(ALL_OF_DEFAULT_CONTEXT) ? "" : subjectPrefix;
    }
}
