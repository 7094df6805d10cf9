package io.registry.api.security;

import io.registry.api.security.RouteAccess.AdminOnly;
import io.registry.api.security.RouteAccess.Authenticated;
import io.registry.api.security.RouteAccess.ReadById;
import io.registry.api.security.RouteAccess.ReadSubject;
import io.registry.api.security.RouteAccess.RouteClass;
import io.registry.api.security.RouteAccess.Write;
import io.registry.core.access.Operation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteAccessTest {
    private static final Map<String, String> S = Map.of("subject", "team-a.x", "version", "1");

    @Test
    void subjectRoutes() {
        assertEquals(new Authenticated(RouteClass.READS), RouteAccess.of("GET", "/subjects", Map.of(), null));
        assertEquals(new ReadSubject("team-a.x", RouteClass.READS),
                RouteAccess.of("GET", "/subjects/{subject}/versions/{version}/schema", S, null));
        assertEquals(new ReadSubject("team-a.x", RouteClass.READS), RouteAccess.of("POST", "/subjects/{subject}", S, null));
        assertEquals(new Write(Operation.REGISTER, "team-a.x"),
                RouteAccess.of("POST", "/subjects/{subject}/versions", S, null));
        assertEquals(new Write(Operation.DELETE, "team-a.x"), RouteAccess.of("DELETE", "/subjects/{subject}", S, null));
        assertEquals(new Write(Operation.DELETE, "team-a.x"),
                RouteAccess.of("DELETE", "/subjects/{subject}/versions/{version}", S, null));
        assertEquals(new ReadSubject("team-a.x", RouteClass.VALIDATIONS),
                RouteAccess.of("POST", "/compatibility/subjects/{subject}/versions/{version}", S, null));
    }

    @Test
    void configModeAndContexts() {
        assertEquals(new Authenticated(RouteClass.READS), RouteAccess.of("GET", "/config", Map.of(), null));
        assertEquals(new Write(Operation.CONFIG, ""), RouteAccess.of("PUT", "/config", Map.of(), null));
        assertEquals(new Write(Operation.MODE, "team-a.x"), RouteAccess.of("DELETE", "/mode/{subject}", S, null));
        assertEquals(new ReadSubject("team-a.x", RouteClass.READS), RouteAccess.of("GET", "/config/{subject}", S, null));
        assertEquals(new Write(Operation.DELETE, ":.c:"),
                RouteAccess.of("DELETE", "/contexts/{context}", Map.of("context", ".c"), null));
        assertEquals(new Authenticated(RouteClass.READS), RouteAccess.of("GET", "/contexts", Map.of(), null));
    }

    @Test
    void byIdRoutes() {
        assertEquals(new ReadById(7, ":.c:s", RouteClass.READS),
                RouteAccess.of("GET", "/schemas/ids/{id}/versions", Map.of("id", "7"), ":.c:s"));
        assertEquals(new ReadById(7, null, RouteClass.READS),
                RouteAccess.of("GET", "/api/v1/schemas/{id}/llm", Map.of("id", "7"), null));
        assertEquals(new ReadById(7, null, RouteClass.VALIDATIONS),
                RouteAccess.of("POST", "/api/v1/validate/{id}", Map.of("id", "7"), null));
        assertEquals(new Authenticated(RouteClass.READS), RouteAccess.of("GET", "/schemas", Map.of(), null));
    }

    @Test
    void v1AndUnknownRoutes() {
        assertEquals(new Authenticated(RouteClass.WRITES), RouteAccess.of("POST", "/api/v1/schemas", Map.of(), null));
        assertEquals(new Authenticated(RouteClass.VALIDATIONS),
                RouteAccess.of("POST", "/api/v1/compatibility/check", Map.of(), null));
        assertEquals(new ReadSubject("team-a.x", RouteClass.READS),
                RouteAccess.of("GET", "/api/v1/subjects/{subject}/versions", S, null));
        assertEquals(new Authenticated(RouteClass.READS), RouteAccess.of("GET", "/v1/metadata/id", Map.of(), null));
        assertEquals(new AdminOnly(), RouteAccess.of("POST", "/some/new/{thing}", Map.of(), null),
                "an unclassified write route is admin-only");
    }
}
