package io.registry.core.schema.protobuf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The state of one comparison: both sides, the current path and the differences found. A nested context
 * ({@link #forType}) compares a message type reached through a field, at that type's own path, sharing the
 * guard against endless recursion through self-referencing messages.
 */
final class DiffContext {
    final DiffSide writer;
    final DiffSide reader;
    private final Set<String> inProgress;
    private final Deque<String> path = new ArrayDeque<>();
    private final List<ProtobufDifference> differences = new ArrayList<>();

    DiffContext(DiffSide writer, DiffSide reader) {
        this(writer, reader, new HashSet<>());
    }

    private DiffContext(DiffSide writer, DiffSide reader, Set<String> inProgress) {
        this.writer = writer;
        this.reader = reader;
        this.inProgress = inProgress;
    }

    DiffContext forType(String localName) {
        DiffContext nested = new DiffContext(writer, reader, inProgress);
        for (String part : localName.split("\\.")) {
            nested.path.addLast(part);
        }
        return nested;
    }

    void at(String segment, Runnable body) {
        path.addLast(segment);
        try {
            body.run();
        } finally {
            path.removeLast();
        }
    }

    /** @return false when the pair is already being compared further up (a recursive type) */
    boolean enter(String pair) {
        return inProgress.add(pair);
    }

    void leave(String pair) {
        inProgress.remove(pair);
    }

    void add(ProtobufDifferenceType type, String detail) {
        differences.add(new ProtobufDifference(type, "#/" + String.join("/", path), detail));
    }

    void addAll(List<ProtobufDifference> found) {
        differences.addAll(found);
    }

    boolean compatible() {
        return differences.stream().allMatch(ProtobufDifference::compatible);
    }

    List<ProtobufDifference> differences() {
        return differences;
    }
}
