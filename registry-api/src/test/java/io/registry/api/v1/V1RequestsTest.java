package io.registry.api.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.api.http.RegistryException;
import io.registry.core.schema.SchemaType;
import io.registry.core.semver.SemanticVersion;
import io.registry.core.semver.SemverMetadata;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code /api/v1} controllers' own logic: request fields, metadata round trip, tool names. */
class V1RequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void requestFieldsAreCheckedWithClear4xx() throws Exception {
        assertEquals("s", V1Api.subject(json("{\"subject\":\"s\"}")));
        assertEquals(422, assertThrows(RegistryException.class, () -> V1Api.subject(json("{}"))).httpStatus());
        assertEquals(422, assertThrows(RegistryException.class, () -> V1Api.subject(json("{\"subject\":1}")))
                .httpStatus());
        assertEquals(42208, assertThrows(RegistryException.class, () -> V1Api.subject(json("{\"subject\":\" \"}")))
                .errorCode());
        assertEquals(SchemaType.PROTOBUF, V1Api.schemaType(json("{\"schema_type\":\" Protobuf \"}")));
        RegistryException xml = assertThrows(RegistryException.class,
                () -> V1Api.schemaType(json("{\"schema_type\":\"xml\"}")));
        assertTrue(xml.getMessage().contains("xml"), xml.getMessage());
        assertNull(V1Api.text(json("{\"version\":null}"), "version", false));
    }

    /** The API writes description and user metadata; the sequencer adds the semver; the API reads all three back. */
    @Test
    void metadataRoundTripsThroughConfluentProperties() throws Exception {
        V1Metadata sent = new V1Metadata(Optional.empty(), "People", json("{\"owner\":\"team-a\",\"tier\":1}"));
        JsonNode stored = SemverMetadata.with(sent.toConfluent(), new SemanticVersion(1, 2, 0));
        assertEquals("{\"properties\":{\"llm.description\":\"People\",\"llm.metadata\":\"{\\\"owner\\\":\\\"team-a\\\","
                + "\\\"tier\\\":1}\",\"llm.semver\":\"1.2.0\"}}", stored.toString());
        V1Metadata read = V1Metadata.fromConfluent(stored);
        assertEquals(Optional.of(new SemanticVersion(1, 2, 0)), read.semver());
        assertEquals("People", read.description());
        assertTrue(read.matches("tier", "1"));
        assertTrue(read.matches("owner", "team-a"));
        assertEquals(V1Metadata.NONE, V1Metadata.fromConfluent(null));
        assertNull(V1Metadata.fromConfluent(json("{\"properties\":{\"llm.metadata\":\"{bad\"}}")).user(),
                "unreadable user metadata is left out, not a 500");
    }

    @Test
    void toolNamesAreProviderSafe() {
        assertEquals("orders-value", V1Controller.toolName("orders-value"));
        assertEquals("_ctx_orders_v1", V1Controller.toolName(":ctx:orders.v1"));
        assertEquals(64, V1Controller.toolName("x".repeat(100)).length());
    }

    private static String json(Object body) {
        return new String(io.registry.api.http.JsonResponses.bytes(body), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The typed answers keep the documented shape: snake_case, fixed order, unknown values as null. */
    @Test
    void answersKeepTheirShape() throws Exception {
        V1Bodies.Registration r = new V1Bodies.Registration(7, "s", 2, null, "ab");
        assertEquals("{\"id\":7,\"subject\":\"s\",\"version\":2,\"semver\":null,\"fingerprint\":\"ab\"}", json(r));
        assertEquals("{\"id\":7,\"subject\":\"s\",\"version\":2,\"semver\":\"1.0.0\",\"fingerprint\":\"ab\","
                + "\"schema_type\":\"json\",\"schema\":{\"type\":\"string\"},\"description\":null,\"metadata\":null}",
                json(new V1Bodies.Version(7, "s", 2, "1.0.0", "ab", "json", json("{\"type\":\"string\"}"), null, null)));
        assertEquals("{\"compatible\":true,\"level\":\"BACKWARD\",\"messages\":[],\"bump\":\"minor\","
                + "\"breaking_changes\":[],\"current_semver\":\"1.0.0\",\"next_semver\":\"1.1.0\"}",
                json(new V1Bodies.Check(true, "BACKWARD", java.util.List.of(), "minor", java.util.List.of(), "1.0.0",
                        "1.1.0", null)));
        assertTrue(json(new V1Bodies.Check(true, "BACKWARD", java.util.List.of(), "none", java.util.List.of(), "1.0.0",
                null, r)).endsWith("\"next_semver\":null,\"existing\":" + json(r) + "}"));
        assertEquals("{\"subject\":\"s\",\"versions\":[" + json(r) + "]}",
                json(new V1Bodies.Versions("s", java.util.List.of(r))));
    }

    @Test
    void validationAndExportAnswersKeepTheirShape() {
        V1Bodies.Validation bad = new V1Bodies.Validation(false,
                java.util.List.of(new V1Bodies.Error("/a", "type", "must be a string")));
        assertEquals("{\"valid\":false,\"errors\":[{\"path\":\"/a\",\"keyword\":\"type\",\"message\":\"must be a "
                + "string\"}]}", json(bad));
        assertEquals("{\"valid\":false,\"valid_count\":0,\"invalid_count\":1,\"results\":[" + json(bad) + "]}",
                json(new V1Bodies.Batch(false, 0, 1, java.util.List.of(bad))));
        assertEquals("{\"error_code\":422,\"message\":\"m\",\"target\":\"anthropic\",\"problems\":[{\"path\":"
                + "\"/x\",\"construct\":\"minimum\",\"message\":\"no\"}]}", json(new V1Bodies.Refusal(422, "m",
                "anthropic", java.util.List.of(new V1Bodies.Problem("/x", "minimum", "no")))));
    }
}
