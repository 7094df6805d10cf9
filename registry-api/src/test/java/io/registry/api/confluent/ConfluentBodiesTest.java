package io.registry.api.confluent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.api.http.JsonResponses;
import io.registry.core.log.LogValue.ConfigValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The typed answers serialize byte for byte as Confluent's entities: field names, order, unset fields left out. */
class ConfluentBodiesTest {
    private static String json(Object body) {
        return new String(JsonResponses.bytes(body), StandardCharsets.UTF_8);
    }

    @Test
    void configEntityKeepsConfluentsOrderAndLeavesUnsetFieldsOut() throws Exception {
        assertEquals("{\"compatibilityLevel\":\"BACKWARD\"}", json(ConfigBodies.Config.level("BACKWARD")));
        ConfigValue all = new ConfigValue("FULL", true, false, "other", "major",
                new ObjectMapper().readTree("{\"properties\":{\"a\":\"1\"}}"), null, null, null);
        assertEquals("{\"alias\":\"other\",\"normalize\":true,\"validateFields\":false,\"compatibilityLevel\":\"FULL\","
                + "\"compatibilityGroup\":\"major\",\"defaultMetadata\":{\"properties\":{\"a\":\"1\"}}}",
                json(ConfigBodies.Config.of(all)));
    }

    @Test
    void configUpdateEchoesTheRequestWithCompatibility() {
        assertEquals("{\"normalize\":true,\"compatibility\":\"NONE\"}",
                json(new ConfigBodies.Update(null, true, null, "NONE", null, null, null, null, null)));
        assertEquals("{}", json(new ConfigBodies.Update(null, null, null, null, null, null, null, null, null)));
    }

    @Test
    void modeEntity() {
        assertEquals("{\"mode\":\"READONLY\"}", json(new ModeController.ModeBody("READONLY")));
    }

    /** Confluent's offset/limit: a limit outside 1.. means all, an offset past the end an empty page. */
    @Test
    void pagingFollowsConfluent() {
        List<Integer> items = List.of(1, 2, 3, 4, 5);
        assertEquals(items, Paging.page(items, 0, -1));
        assertEquals(List.of(2, 3), Paging.page(items, 1, 2));
        assertEquals(List.of(4, 5), Paging.page(items, 3, 0));
        assertEquals(List.of(), Paging.page(items, 9, 2));
        assertEquals(List.of(1), Paging.page(items, -4, 1));
        assertEquals(List.of(5), Paging.page(items, 4, Integer.MAX_VALUE));
    }

    /** Confluent's schema shapes: no schemaType for Avro, no empty references, metadata before the schema. */
    @Test
    void schemaShapesFollowConfluent() throws Exception {
        io.registry.readmodel.StoredSchema avro = new io.registry.readmodel.StoredSchema(3,
                io.registry.core.schema.SchemaType.AVRO, "\"string\"", List.of(), "fp");
        assertEquals("{\"schema\":\"\\\"string\\\"\"}", json(SchemaBodies.byId(avro)));
        assertEquals("{\"schema\":\"x\",\"maxId\":9}", json(SchemaBodies.byId(avro).withSchema("x").withMaxId(9)));
        io.registry.readmodel.StoredSchema proto = new io.registry.readmodel.StoredSchema(4,
                io.registry.core.schema.SchemaType.PROTOBUF, "syntax",
                List.of(new io.registry.core.schema.SchemaReference("a.proto", "a", 2)), "fp");
        io.registry.readmodel.SubjectVersion v = new io.registry.readmodel.SubjectVersion("s", 2, 4, false);
        assertEquals("{\"subject\":\"s\",\"version\":2,\"id\":4,\"schemaType\":\"PROTOBUF\",\"references\":"
                + "[{\"name\":\"a.proto\",\"subject\":\"a\",\"version\":2}],\"metadata\":{\"properties\":{}},"
                + "\"schema\":\"syntax\"}", json(SchemaBodies.version(v, proto, java.util.Optional.of(
                new io.registry.readmodel.VersionExtras(new ObjectMapper().readTree("{\"properties\":{}}"), null)))));
        assertEquals("{\"id\":4,\"version\":2,\"schemaType\":\"PROTOBUF\",\"references\":"
                + "[{\"name\":\"a.proto\",\"subject\":\"a\",\"version\":2}],\"schema\":\"syntax\"}",
                json(SchemaBodies.registered(v, proto, java.util.Optional.empty())));
        assertEquals("{\"subject\":\"s\",\"version\":2}", json(SchemaBodies.subjectVersion(v)));
        assertEquals("{\"id\":4}", json(new SchemaBodies.Id(4)));
    }
}
