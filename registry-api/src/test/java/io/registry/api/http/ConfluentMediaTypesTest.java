package io.registry.api.http;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfluentMediaTypesTest {
    private static final String V1 = "application/vnd.schemaregistry.v1+json";
    private static final String DEFAULT = "application/vnd.schemaregistry+json";

    @Test
    void consumesConfluentsTypesWithOrWithoutParameters() {
        assertTrue(ConfluentMediaTypes.consumes(null));
        assertTrue(ConfluentMediaTypes.consumes(""));
        assertTrue(ConfluentMediaTypes.consumes(V1));
        assertTrue(ConfluentMediaTypes.consumes(DEFAULT));
        assertTrue(ConfluentMediaTypes.consumes("application/json; charset=utf-8"));
        assertTrue(ConfluentMediaTypes.consumes("Application/Octet-Stream"));
        assertFalse(ConfluentMediaTypes.consumes("application/x-www-form-urlencoded"));
        assertFalse(ConfluentMediaTypes.consumes("application/xml"));
    }

    @Test
    void noAcceptOrAWildcardGetsV1() {
        assertEquals(Optional.of(V1), ConfluentMediaTypes.negotiate(null));
        assertEquals(Optional.of(V1), ConfluentMediaTypes.negotiate(""));
        assertEquals(Optional.of(V1), ConfluentMediaTypes.negotiate("*/*"));
        assertEquals(Optional.of(V1), ConfluentMediaTypes.negotiate("*"));
        assertEquals(Optional.of(V1), ConfluentMediaTypes.negotiate("application/*"));
        // what Confluent's own Java client sends
        assertEquals(Optional.of(V1), ConfluentMediaTypes.negotiate(
                "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, "
                        + "application/json; qs=0.5"));
    }

    @Test
    void anExplicitTypeIsHonoured() {
        assertEquals(Optional.of("application/json"), ConfluentMediaTypes.negotiate("application/json"));
        assertEquals(Optional.of(DEFAULT), ConfluentMediaTypes.negotiate(DEFAULT));
        assertEquals(Optional.of("application/json"), ConfluentMediaTypes.negotiate("application/json, */*"));
        assertEquals(Optional.of("application/json"),
                ConfluentMediaTypes.negotiate("text/html, application/json;q=0.9, */*;q=0.1"));
        assertEquals(Optional.of(V1), ConfluentMediaTypes.negotiate("application/json;q=0.2, */*;q=0.8"));
    }

    @Test
    void nothingAcceptableIsEmpty() {
        assertEquals(Optional.empty(), ConfluentMediaTypes.negotiate("text/html"));
        assertEquals(Optional.empty(), ConfluentMediaTypes.negotiate("application/xml, text/*"));
        assertEquals(Optional.empty(), ConfluentMediaTypes.negotiate("application/json;q=0"));
    }

    @Test
    void malformedAcceptHeadersNeverThrow() {
        assertEquals(Optional.of(V1), ConfluentMediaTypes.negotiate(",,;"));
        assertEquals(Optional.of("application/json"), ConfluentMediaTypes.negotiate("application/json;q=abc"));
        assertEquals(Optional.of(V1), ConfluentMediaTypes.negotiate("garbage"));
    }
}
