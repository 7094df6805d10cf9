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
}
