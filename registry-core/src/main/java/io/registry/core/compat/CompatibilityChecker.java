package io.registry.core.compat;

import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a {@link CompatibilityLevel} to a proposed schema and the subject's earlier versions, using the
 * format's directional rule. The same code serves the sequencer (which enforces) and the API (which answers
 * {@code /compatibility} questions), so the two can never disagree.
 */
public final class CompatibilityChecker {
    /** Confluent's wording ({@code ParsedSchema.isBackwardCompatible}) for a version of another schema type. */
    public static final String DIFFERENT_TYPE = "Incompatible because of different schema type";

    private CompatibilityChecker() {
    }

    /**
     * The one schema-type guard: why {@code proposed} cannot even be compared with {@code previous} (a version of
     * another schema type, whose format's rule would not apply), or empty. {@link #check} applies it to each version
     * it compares, as Confluent does; callers that must refuse such a request outright (the {@code /api/v1} routes)
     * ask it directly.
     */
    public static Optional<String> typeMismatch(ParsedSchema proposed, List<? extends ParsedSchema> previous) {
        for (ParsedSchema old : previous) {
            if (old.type() != proposed.type()) {
                return Optional.of(DIFFERENT_TYPE + ": " + proposed.type() + " after " + old.type());
            }
        }
        return Optional.empty();
    }

    /**
     * @param previous earlier versions of the subject, oldest first (soft-deleted versions excluded)
     * @return why the proposed schema breaks the level; empty when it is compatible
     */
    public static List<String> check(SchemaFormat format, CompatibilityLevel level, ParsedSchema proposed,
                                     List<? extends ParsedSchema> previous) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        List<? extends ParsedSchema> against = level.transitive()
                ? previous
                : previous.subList(previous.size() - 1, previous.size());
        List<String> messages = new ArrayList<>();
        // Newest first, as Confluent reports: the most relevant conflict comes first.
        for (int i = against.size() - 1; i >= 0; i--) {
            ParsedSchema old = against.get(i);
            Optional<String> mismatch = typeMismatch(proposed, List.of(old));
            if (mismatch.isPresent()) {
                messages.add(mismatch.get());
                continue;
            }
            if (level.backward()) {
                for (String m : format.readIncompatibilities(proposed, old)) {
                    messages.add("BACKWARD: " + m);
                }
            }
            if (level.forward()) {
                for (String m : format.readIncompatibilities(old, proposed)) {
                    messages.add("FORWARD: " + m);
                }
            }
        }
        return messages;
    }
}
