package io.registry.api.confluent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.registry.api.http.RegistryException;
import io.registry.api.read.InMemoryReadModel;
import io.registry.api.read.ProjectionWatermark;
import io.registry.api.read.ReadCounters;
import io.registry.api.read.RegistryReads;
import io.registry.api.read.SchemaByIdCache;
import io.registry.api.read.SubjectAliases;
import io.registry.api.read.SubjectVersionFastPath;
import io.registry.core.command.ErrorCode;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.readmodel.VersionExtras;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The read routes of {@code /subjects} called as methods on an in-memory read model (no HTTP, no stores): what each
 * answers and which Confluent error it raises, the parts that are the controllers' own.
 */
class SubjectReadRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryReadModel store = new InMemoryReadModel()
            .schema(1, "\"int\"").schema(2, "\"long\"").schema(3, "\"string\"")
            .version("s", 1, 1, true).version("s", 2, 2, false).version("s", 3, 3, false)
            .version("gone", 1, 1, true)
            .version("other", 1, 2, false)
            .alias("alias", "s");
    private final SchemaByIdCache schemas = new SchemaByIdCache(store, 1 << 20);
    private final RegistryReads reads = new RegistryReads(store, schemas, new SchemaParser(SchemaFormats.standard()));
    private final ProjectionWatermark watermark =
            new ProjectionWatermark(() -> Map.of("postgres", OptionalLong.of(1)), List.of());
    /** Without Redis, as in dev mode: every version read takes the blocking path (here: run in place). */
    private final SubjectVersionsController versions = new SubjectVersionsController(reads, new SubjectAliases(store),
            new SubjectVersionFastPath(null, schemas, watermark, new ReadCounters()), Runnable::run);
    private final SubjectsController subjects = new SubjectsController(reads, null, new SubjectAliases(store));

    @AfterEach
    void close() {
        watermark.close();
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void listsSubjectsWithTheirDeletedFiltersPrefixAndPage() {
        assertEquals("[\"other\",\"s\"]", body(subjects.list(null, false, false, 0, -1)));
        assertEquals("[\"gone\",\"other\",\"s\"]", body(subjects.list(null, true, false, 0, -1)));
        assertEquals("[\"gone\"]", body(subjects.list(null, false, true, 0, -1)));
        assertEquals("[\"s\"]", body(subjects.list("s", true, false, 0, -1)));
        assertEquals("[\"other\"]", body(subjects.list(null, true, false, 1, 1)));
    }

    @Test
    void listsVersionsFollowingTheAlias() {
        assertEquals("[2,3]", body(versions.versions("s", false, false, false, 0, -1)));
        assertEquals("[-1,2,3]", body(versions.versions("alias", true, false, true, 0, -1)));
        assertEquals("[1]", body(versions.versions("s", false, true, false, 0, -1)));
        assertEquals("[3]", body(versions.versions("s", false, false, false, 1, 5)));
        RegistryException e = assertThrows(RegistryException.class,
                () -> versions.versions("gone", false, false, false, 0, -1));
        assertEquals(ErrorCode.SUBJECT_NOT_FOUND, e.code());
    }

    @Test
    void readsAVersionAndItsSchema() throws Exception {
        assertEquals("{\"subject\":\"s\",\"version\":3,\"id\":3,\"schema\":\"\\\"string\\\"\"}",
                body(versions.version("s", "latest", false, null).join()));
        assertEquals("\"long\"", body(versions.rawVersion("alias", "2", false)));
        assertEquals(1, JSON.readTree(body(versions.version("s", "1", true, null).join())).get("version").asInt());
        CompletionException deleted = assertThrows(CompletionException.class,
                () -> versions.version("s", "1", false, null).join());
        assertEquals(ErrorCode.VERSION_NOT_FOUND,
                assertInstanceOf(RegistryException.class, deleted.getCause()).code());
    }

    @Test
    void latestWithMetadataIsTheNewestVersionHoldingEveryPair() throws Exception {
        store.extras("s", 2, new VersionExtras(JSON.readTree("{\"properties\":{\"owner\":\"a\"}}"), null))
                .extras("s", 3, new VersionExtras(JSON.readTree("{\"properties\":{\"owner\":\"b\"}}"), null));
        String found = body(versions.latestWithMetadata("s", List.of("owner"), List.of("a"), false, null));
        assertEquals(2, JSON.readTree(found).get("version").asInt());
        assertEquals("{\"properties\":{\"owner\":\"a\"}}", JSON.readTree(found).get("metadata").toString());
        RegistryException none = assertThrows(RegistryException.class,
                () -> versions.latestWithMetadata("s", List.of("owner"), List.of("c"), false, null));
        assertEquals(ErrorCode.SCHEMA_NOT_FOUND, none.code());
        RegistryException unknown = assertThrows(RegistryException.class,
                () -> versions.latestWithMetadata("nobody", List.of("owner"), List.of("a"), false, null));
        assertEquals(ErrorCode.SUBJECT_NOT_FOUND, unknown.code());
    }
}
