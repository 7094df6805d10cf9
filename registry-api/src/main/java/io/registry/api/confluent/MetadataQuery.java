package io.registry.api.confluent;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.readmodel.SubjectVersion;
import io.registry.readmodel.VersionExtras;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Confluent's {@code getLatestWithMetadata} query: {@code key}/{@code value} pairs (paired by position, extra keys
 * or values ignored, a repeated key keeps its last value, as Confluent's map does) that a version's
 * {@code metadata.properties} must all hold as strings.
 */
record MetadataQuery(Map<String, String> wanted) {

    static MetadataQuery of(List<String> keys, List<String> values) {
        List<String> k = keys == null ? List.of() : keys;
        List<String> v = values == null ? List.of() : values;
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < Math.min(k.size(), v.size()); i++) {
            wanted.put(k.get(i), v.get(i));
        }
        return new MetadataQuery(Collections.unmodifiableMap(wanted));
    }

    /** Whether the version's metadata holds every wanted property; a version without properties never matches. */
    boolean matches(VersionExtras extras) {
        JsonNode properties = extras.metadata() == null ? null : extras.metadata().get("properties");
        if (properties == null || !properties.isObject()) {
            return false;
        }
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            JsonNode got = properties.get(e.getKey());
            if (got == null || !got.isTextual() || !got.asText().equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** A version that matched, with the extras it matched by. */
    record Match(SubjectVersion version, VersionExtras extras) {
    }

    /**
     * The newest of {@code ascending} whose extras ({@code extrasOf} a version number, read newest first and only
     * until one matches) match.
     */
    Optional<Match> newestMatching(List<SubjectVersion> ascending, IntFunction<Optional<VersionExtras>> extrasOf) {
        List<SubjectVersion> newestFirst = new ArrayList<>(ascending);
        Collections.reverse(newestFirst);
        for (SubjectVersion v : newestFirst) {
            Optional<VersionExtras> extras = extrasOf.apply(v.version());
            if (extras.isPresent() && matches(extras.get())) {
                return Optional.of(new Match(v, extras.get()));
            }
        }
        return Optional.empty();
    }
}
