package io.registry.api.ops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RequestIdsTest {
    private final RequestIds ids = new RequestIds("abc");

    @Test
    void keepsAPlausibleCallerId() {
        assertEquals("7f1e-42.req:x", ids.forRequest("7f1e-42.req:x"));
    }

    @Test
    void replacesMissingOrSuspiciousIds() {
        assertEquals("abc-1", ids.forRequest(null));
        assertEquals("abc-2", ids.forRequest(""));
        assertEquals("abc-3", ids.forRequest("a b"));
        assertEquals("abc-4", ids.forRequest("x\"}\n{\"forged\":1"));
        assertEquals("abc-5", ids.forRequest("x".repeat(129)));
        assertNotEquals(new RequestIds().forRequest(null), new RequestIds().forRequest(null));
    }
}
