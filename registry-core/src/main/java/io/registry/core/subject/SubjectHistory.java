package io.registry.core.subject;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.schema.ParsedSchema;

import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A subject's live versions as one decision sees them, oldest first: what every compatibility question about a
 * subject's history is asked against ({@link CompatibilityRules#check}, {@link
 * io.registry.core.semver.SemverPolicy#assess}). The sequencer builds it over its index, the API over its read
 * model; the rules that use it exist once.
 *
 * @param <V> how the caller holds a version (the index's {@link IndexedVersion}, the read model's subject version)
 */
public final class SubjectHistory<V> {
    private final List<V> live;
    private final Function<V, JsonNode> metadataOf;
    private final Function<V, ParsedSchema> parsedOf;

    private SubjectHistory(List<V> live, Function<V, JsonNode> metadataOf, Function<V, ParsedSchema> parsedOf) {
        this.live = List.copyOf(live);
        this.metadataOf = metadataOf;
        this.parsedOf = parsedOf;
    }

    /**
     * @param live       the live versions, oldest first
     * @param metadataOf a version's Confluent metadata (null when none)
     * @param parsedOf   a version's schema, parsed; only called for the versions a rule compares with
     */
    public static <V> SubjectHistory<V> of(List<V> live, Function<V, JsonNode> metadataOf,
                                           Function<V, ParsedSchema> parsedOf) {
        return new SubjectHistory<>(live, metadataOf, parsedOf);
    }

    /** Already parsed schemas without metadata (the low-level form the unit tests and simple callers use). */
    public static SubjectHistory<ParsedSchema> ofSchemas(List<? extends ParsedSchema> schemas) {
        return new SubjectHistory<>(List.copyOf(schemas), s -> null, s -> s);
    }

    public List<V> live() {
        return live;
    }

    public boolean isEmpty() {
        return live.isEmpty();
    }

    public Optional<V> latest() {
        return live.isEmpty() ? Optional.empty() : Optional.of(live.get(live.size() - 1));
    }

    /** The latest live version's metadata (null when there is none, or it has none). */
    public JsonNode latestMetadata() {
        return latest().map(metadataOf).orElse(null);
    }

    /** The latest live version's schema, parsed. */
    public Optional<ParsedSchema> latestSchema() {
        return latest().map(parsedOf);
    }

    /** The versions of the proposed schema's compatibility group ({@link CompatibilityRules#sameGroup}). */
    public SubjectHistory<V> sameGroup(String group, JsonNode proposedMetadata) {
        if (group == null) {
            return this;
        }
        return new SubjectHistory<>(CompatibilityRules.sameGroup(group, proposedMetadata, live, metadataOf),
                metadataOf, parsedOf);
    }

    /** The versions' schemas, parsed on first access (a non-transitive check only parses the latest). */
    public List<ParsedSchema> schemas() {
        return new AbstractList<>() {
            private final ParsedSchema[] parsed = new ParsedSchema[live.size()];

            @Override
            public ParsedSchema get(int i) {
                if (parsed[i] == null) {
                    parsed[i] = parsedOf.apply(live.get(i));
                }
                return parsed[i];
            }

            @Override
            public int size() {
                return live.size();
            }
        };
    }
}
