package io.registry.core.schema.json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects the differences of one comparison and the path they are found at. Sub-contexts try a comparison
 * without committing to it (is this union branch a match?). All contexts of one comparison share a memo and
 * the set of schema pairs being compared right now: meeting a pair again while it is still being compared
 * means a recursive schema has come round, and the pair is taken as compatible so far (the rest of the
 * comparison decides).
 */
final class DiffContext {
    static final String ROOT = "#/";

    private final Deque<String> path;
    private final List<Difference> differences = new ArrayList<>();
    private final Map<PairKey, List<Difference>> memo;
    private final Set<PairKey> inProgress;

    private DiffContext(Deque<String> path, Map<PairKey, List<Difference>> memo, Set<PairKey> inProgress) {
        this.path = path;
        this.memo = memo;
        this.inProgress = inProgress;
    }

    static DiffContext root() {
        return new DiffContext(new ArrayDeque<>(), new HashMap<>(), new HashSet<>());
    }

    /** A context at the same path whose differences are kept apart until the caller adopts them. */
    DiffContext sub() {
        return new DiffContext(new ArrayDeque<>(path), memo, inProgress);
    }

    /** Enters one path segment (already escaped); close the returned scope to leave it. */
    Scope enter(String segment) {
        path.addLast(segment);
        return new Scope();
    }

    final class Scope implements AutoCloseable {
        @Override
        public void close() {
            path.removeLast();
        }
    }

    void add(DifferenceType type) {
        differences.add(new Difference(type, currentPath()));
    }

    void add(String keyword, DifferenceType type) {
        try (Scope ignored = enter(keyword)) {
            add(type);
        }
    }

    void addAll(List<Difference> found) {
        differences.addAll(found);
    }

    boolean compatible() {
        for (Difference d : differences) {
            if (!d.compatible()) {
                return false;
            }
        }
        return true;
    }

    List<Difference> differences() {
        return differences;
    }

    String currentPath() {
        return ROOT + String.join("/", path);
    }

    /**
     * Runs {@code comparison} for {@code key} once per whole comparison and adds its differences here, at the
     * current path. A key that is already being compared further up is a cycle: nothing is added.
     */
    void compareOnce(PairKey key, Consumer<DiffContext> comparison) {
        List<Difference> relative = memo.get(key);
        if (relative == null) {
            if (!inProgress.add(key)) {
                return;
            }
            try {
                DiffContext detached = new DiffContext(new ArrayDeque<>(), memo, inProgress);
                comparison.accept(detached);
                relative = List.copyOf(detached.differences);
                memo.put(key, relative);
            } finally {
                inProgress.remove(key);
            }
        }
        String prefix = currentPath();
        for (Difference d : relative) {
            differences.add(d.under(prefix));
        }
    }

    /**
     * Identity of one comparison: the two schema objects (by identity, so that two equal-looking parts of a
     * recursive schema are still compared separately) and the kinds of shape taken from each.
     */
    static final class PairKey {
        private final Object writer;
        private final Object reader;
        private final String writerKind;
        private final String readerKind;

        PairKey(Object writer, String writerKind, Object reader, String readerKind) {
            this.writer = writer;
            this.reader = reader;
            this.writerKind = writerKind;
            this.readerKind = readerKind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PairKey k && k.writer == writer && k.reader == reader
                    && k.writerKind.equals(writerKind) && k.readerKind.equals(readerKind);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * System.identityHashCode(writer) + System.identityHashCode(reader))
                    + writerKind.hashCode() * 7 + readerKind.hashCode();
        }
    }
}
