package io.registry.core.subject;

import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapRegistryIndexTest {

    @Test
    void theIdFloorRaisesTheNextIdButNotTheStoredOne() {
        HeapRegistryIndex index = new HeapRegistryIndex(10_001);
        assertEquals(10_000, index.maxId("."), "the next id is 10001");
        index.putMaxId(".", 10_005);
        assertEquals(10_005, index.maxId("."));
        assertEquals(0, new HeapRegistryIndex().maxId("."));
    }

    @Test
    void contextsKeepTheirOwnIdsAndFingerprints() {
        HeapRegistryIndex index = new HeapRegistryIndex();
        index.putSchema(".", new IndexedSchema(1, SchemaType.AVRO, "\"string\"", List.of()), "fp");
        index.putSchema(".ctx", new IndexedSchema(1, SchemaType.AVRO, "\"int\"", List.of()), "fp2");
        index.putSchema(".", new IndexedSchema(2, SchemaType.AVRO, "\"string\"", List.of()), "fp");
        assertEquals(1, index.idForFingerprint(".", "fp").orElseThrow(), "the first id of a content stays its id");
        assertTrue(index.idForFingerprint(".", "fp2").isEmpty());
        assertEquals("\"int\"", index.schema(".ctx", 1).orElseThrow().schema());
    }

    @Test
    void anyLiveVersionReadsOnlyTheSubjectsWithThePrefix() {
        HeapRegistryIndex index = new HeapRegistryIndex();
        index.putVersions(":.a:x", List.of(new IndexedVersion(1, 1, true)));
        index.putVersions(":.b:y", List.of(new IndexedVersion(1, 2, false)));
        assertFalse(index.anyLiveVersion(":.a:"));
        assertTrue(index.anyLiveVersion(":.b:"));
        assertTrue(index.anyLiveVersion(""));
        index.putVersions(":.b:y", List.of());
        assertFalse(index.anyLiveVersion(""));
        assertTrue(index.versions(":.b:y").isEmpty());
    }

    @Test
    void theGlobalSettingIsKeptUnderNullAndEmptyAlike() {
        HeapRegistryIndex index = new HeapRegistryIndex();
        index.putMode(null, "READONLY");
        assertEquals("READONLY", index.mode("").orElseThrow());
        index.putMode("", null);
        assertTrue(index.mode(null).isEmpty());
    }
}
