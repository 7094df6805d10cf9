package io.registry.api.confluent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.readmodel.SubjectVersion;
import io.registry.readmodel.VersionExtras;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Confluent's getLatestWithMetadata matching: key/value pairing, string properties, newest version first. */
class MetadataQueryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static VersionExtras properties(String json) throws Exception {
        JsonNode metadata = JSON.readTree("{\"properties\":" + json + "}");
        return new VersionExtras(metadata, null);
    }

    @Test
    void keysAndValuesPairByPositionAndExtrasAreIgnored() {
        assertEquals(Map.of("a", "1", "b", "2"), MetadataQuery.of(List.of("a", "b", "c"), List.of("1", "2")).wanted());
        assertEquals(Map.of("a", "1"), MetadataQuery.of(List.of("a"), List.of("1", "2")).wanted());
        assertEquals(Map.of("a", "2"), MetadataQuery.of(List.of("a", "a"), List.of("1", "2")).wanted(),
                "a repeated key keeps its last value");
        assertEquals(Map.of(), MetadataQuery.of(null, null).wanted());
    }

    @Test
    void everyWantedPropertyMustBeThereAsThatString() throws Exception {
        MetadataQuery query = MetadataQuery.of(List.of("owner", "tier"), List.of("team-a", "1"));
        assertTrue(query.matches(properties("{\"owner\":\"team-a\",\"tier\":\"1\",\"other\":\"x\"}")));
        assertFalse(query.matches(properties("{\"owner\":\"team-a\"}")), "one missing");
        assertFalse(query.matches(properties("{\"owner\":\"team-a\",\"tier\":1}")), "a number is not the string");
        assertFalse(query.matches(properties("{\"owner\":\"team-b\",\"tier\":\"1\"}")));
    }

    @Test
    void aVersionWithoutPropertiesNeverMatchesEvenAnEmptyQuery() throws Exception {
        MetadataQuery empty = MetadataQuery.of(List.of(), List.of());
        assertTrue(empty.matches(properties("{}")));
        assertFalse(empty.matches(new VersionExtras(null, null)));
        assertFalse(empty.matches(new VersionExtras(JSON.readTree("{\"tags\":{}}"), null)));
        assertFalse(empty.matches(new VersionExtras(JSON.readTree("{\"properties\":[]}"), null)));
    }

    @Test
    void theNewestMatchingVersionWinsAndOlderOnesAreNotRead() throws Exception {
        VersionExtras a = properties("{\"owner\":\"a\"}");
        VersionExtras b = properties("{\"owner\":\"b\"}");
        Map<Integer, VersionExtras> extras = Map.of(1, a, 2, b, 3, a, 4, b);
        List<SubjectVersion> ascending = List.of(new SubjectVersion("s", 1, 1, false),
                new SubjectVersion("s", 2, 2, false), new SubjectVersion("s", 3, 3, false),
                new SubjectVersion("s", 4, 4, false), new SubjectVersion("s", 5, 5, false));
        List<Integer> read = new ArrayList<>();
        Optional<MetadataQuery.Match> match = MetadataQuery.of(List.of("owner"), List.of("a"))
                .newestMatching(ascending, n -> {
                    read.add(n);
                    return Optional.ofNullable(extras.get(n));
                });
        assertEquals(3, match.orElseThrow().version().version());
        assertEquals(a, match.get().extras());
        assertEquals(List.of(5, 4, 3), read);
        assertTrue(MetadataQuery.of(List.of("owner"), List.of("c")).newestMatching(ascending,
                n -> Optional.ofNullable(extras.get(n))).isEmpty());
    }
}
