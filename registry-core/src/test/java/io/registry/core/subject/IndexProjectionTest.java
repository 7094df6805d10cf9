package io.registry.core.subject;

import io.registry.core.log.LogEvent;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogValue;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexProjectionTest {
    private final InMemoryIndex index = new InMemoryIndex();

    @Test
    void clearSubjectRemovesOnlySoftDeletedVersions() {
        register("s", 1, 1, List.of());
        register("s", 2, 2, List.of());
        apply(new LogKey.DeleteSubjectKey("s"), new LogValue.DeleteSubjectValue("s", 2));
        register("s", 3, 3, List.of());
        apply(new LogKey.ClearSubjectKey("s"), new LogValue.ClearSubjectValue("s"));
        assertEquals(List.of(new IndexedVersion(3, 3, false)), index.versions("s"));
    }

    @Test
    void clearOfAContextRemovesTheSoftDeletedVersionsOfItsSubjectsOnly() {
        softDeletedInTwoContexts();
        apply(new LogKey.ClearSubjectKey(":.c:"), new LogValue.ClearSubjectValue(":.c:"));
        assertEquals(List.of(new IndexedVersion(2, 2, false)), index.versions(":.c:x"));
        assertTrue(index.versions(":.c:y").isEmpty());
        assertEquals(2, index.versions("a").size(), "the default context is another scope");
    }

    @Test
    void clearOfTheEmptySubjectIsTheDefaultContext() {
        softDeletedInTwoContexts();
        apply(new LogKey.ClearSubjectKey(""), new LogValue.ClearSubjectValue(""));
        assertEquals(List.of(new IndexedVersion(2, 2, false)), index.versions("a"));
        assertEquals(2, index.versions(":.c:x").size());
        assertEquals(1, index.versions(":.c:y").size());
    }

    @Test
    void clearWithoutSubjectRemovesEverySoftDeletedVersionAndKeepsLiveOnes() {
        softDeletedInTwoContexts();
        apply(new LogKey.ClearSubjectKey(null), new LogValue.ClearSubjectValue(null));
        assertEquals(List.of(new IndexedVersion(2, 2, false)), index.versions("a"));
        assertEquals(List.of(new IndexedVersion(2, 2, false)), index.versions(":.c:x"));
        assertTrue(index.versions(":.c:y").isEmpty());
        assertEquals(List.of("a", ":.c:x").stream().sorted().toList(), index.subjects());
    }

    /** a: v1 deleted, v2 live; :.c:x the same; :.c:y: its only version deleted. */
    private void softDeletedInTwoContexts() {
        for (String subject : List.of("a", ":.c:x")) {
            register(subject, 1, 1, List.of());
            apply(new LogKey.DeleteSubjectKey(subject), new LogValue.DeleteSubjectValue(subject, 1));
            register(subject, 2, 2, List.of());
        }
        register(":.c:y", 1, 3, List.of());
        apply(new LogKey.DeleteSubjectKey(":.c:y"), new LogValue.DeleteSubjectValue(":.c:y", 1));
    }

    @Test
    void theKeyDecidesWhichVersionARecordWrites() {
        apply(new LogKey.SchemaKey("s", 4), new LogValue.SchemaValue("other", 9, 1, SchemaType.AVRO, "\"int\"",
                List.of(), null, null, false));
        assertEquals(List.of(new IndexedVersion(4, 1, false)), index.versions("s"));
        assertTrue(index.versions("other").isEmpty());
    }

    @Test
    void aHardDeleteOfALiveVersionDropsItsReferences() {
        register("leaf", 1, 1, List.of());
        register("top", 1, 2, List.of(new SchemaReference("L", "leaf", 1)));
        assertEquals(1, index.referrers("leaf", 1).size());
        apply(new LogKey.SchemaKey("top", 1), null);
        assertTrue(index.referrers("leaf", 1).isEmpty());
        assertTrue(index.versions("top").isEmpty());
    }

    private void register(String subject, int version, int id, List<SchemaReference> refs) {
        apply(new LogKey.SchemaKey(subject, version), new LogValue.SchemaValue(subject, version, id, SchemaType.AVRO,
                "{\"type\":\"fixed\",\"name\":\"F" + id + "\",\"size\":1}", refs, null, null, false));
    }

    private void apply(LogKey key, LogValue value) {
        IndexProjection.apply(new LogEvent(key, value), index);
    }
}
