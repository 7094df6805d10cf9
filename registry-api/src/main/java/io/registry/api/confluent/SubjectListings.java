package io.registry.api.confluent;

import io.registry.readmodel.SubjectVersion;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the list routes of {@code /subjects} select, before {@link Paging} cuts a page. */
final class SubjectListings {
    private SubjectListings() {
    }

    /** Confluent's {@code deletedOnly}: the subjects whose every version is soft-deleted, in {@code all}'s order. */
    static List<String> deletedOnly(List<String> all, List<String> live) {
        Set<String> liveSet = new HashSet<>(live);
        return all.stream().filter(s -> !liveSet.contains(s)).toList();
    }

    /** The subjects {@code subjectPrefix} selects ({@link Paging#matches}), in order. */
    static List<String> withPrefix(List<String> subjects, String subjectPrefix) {
        return subjects.stream().filter(s -> Paging.matches(s, subjectPrefix)).toList();
    }

    /**
     * The version numbers of {@code GET /subjects/{s}/versions}: with {@code deletedOnly} only soft-deleted ones;
     * with {@code deletedAsNegative} a soft-deleted version as its negative number (Confluent's way to tell them
     * apart in one list). {@code versions} holds what was asked for (soft-deleted ones only when they may show).
     */
    static List<Integer> versionNumbers(List<SubjectVersion> versions, boolean deletedOnly,
                                        boolean deletedAsNegative) {
        return versions.stream()
                .filter(v -> !deletedOnly || v.deleted())
                .map(v -> deletedAsNegative && v.deleted() ? -v.version() : v.version())
                .toList();
    }
}
