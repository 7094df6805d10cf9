package io.registry.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authorization matrix on the full stack with the demo configuration (deploy/security/example.yml): every endpoint
 * family × role (admin, reader, team-a writer) × inside/outside the role's subjects × Basic and JWT, checking the
 * status and error code, list filtering, and that a denied write leaves the log's end offset where it was.
 */
class SecurityMatrixTest {
    static RegistryStack stack;
    static RegistryHttp admin;
    static final String IN = "team-a.orders";
    static final String OUT = "team-b.orders";
    static final String CTX = ":.pay:card";
    static int idIn;
    static int idOut;
    static int idShared;

    record Caller(String name, RegistryHttp http, Predicate<String> reads, Predicate<String> writes, boolean admin) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Caller> CALLERS = new ArrayList<>();

    static String schema(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";
    }

    /** A backward-compatible second version of {@code schema("W")}. */
    static final String W2 = "{\"type\":\"record\",\"name\":\"W\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"},"
            + "{\"name\":\"g\",\"type\":\"string\",\"default\":\"\"}]}";

    @BeforeAll
    static void start() throws Exception {
        stack = RegistryStack.start(SecurityFixture.example(Map.of("registry.rate-limit.enabled", "false")));
        RegistryHttp anonymous = stack.http;
        admin = anonymous.withAuthorization(RegistryHttp.basic("admin", "admin-secret"));
        idIn = admin.register(IN, schema("In")).body().path("id").asInt();
        idOut = admin.register(OUT, schema("Out")).body().path("id").asInt();
        idShared = admin.register("team-a.shared", schema("Shared")).body().path("id").asInt();
        assertEquals(idShared, admin.register("team-b.shared", schema("Shared")).body().path("id").asInt());
        assertEquals(200, admin.register(CTX, schema("Card")).status());
        Predicate<String> all = s -> true;
        Predicate<String> none = s -> false;
        Predicate<String> teamA = s -> s.startsWith("team-a.");
        CALLERS.add(new Caller("basic:admin", admin, all, all, true));
        CALLERS.add(new Caller("basic:reader", anonymous.withAuthorization(RegistryHttp.basic("reader", "reader-secret")),
                all, none, false));
        CALLERS.add(new Caller("basic:team-a", anonymous.withAuthorization(RegistryHttp.basic("team-a", "team-a-secret")),
                teamA, teamA, false));
        CALLERS.add(new Caller("jwt:admin", anonymous.withAuthorization(SecurityFixture.bearer(
                SecurityFixture.claims("ops", List.of("admin"), null).build())), all, all, true));
        CALLERS.add(new Caller("jwt:reader", anonymous.withAuthorization(SecurityFixture.bearer(
                SecurityFixture.claims("dashboards", List.of("reader"), null).build())), all, none, false));
        CALLERS.add(new Caller("jwt:team-a", anonymous.withAuthorization(SecurityFixture.bearer(
                SecurityFixture.claims("ci-team-a", List.of("writer"), List.of("team-a.")).build())), teamA, teamA,
                false));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** Runs a request that must not write when denied: the log's end offset stays. */
    static RegistryHttp.Answer denied(Caller c, String what, java.util.function.Supplier<RegistryHttp.Answer> call,
                                     int status, int errorCode) {
        long before = SecurityFixture.logEnd(stack);
        RegistryHttp.Answer a = call.get();
        assertEquals(status, a.status(), c + " " + what + ": " + a.raw());
        assertEquals(errorCode, a.errorCode(), c + " " + what + ": " + a.raw());
        assertEquals(before, SecurityFixture.logEnd(stack), c + " " + what + " wrote to the log");
        return a;
    }

    @Test
    void subjectReads() {
        for (Caller c : CALLERS) {
            for (String s : List.of(IN, OUT, CTX)) {
                boolean ok = c.reads.test(s);
                String enc = s.replace(":", "%3A");
                check(c, "GET versions " + s, c.http.get("/subjects/" + enc + "/versions"), ok, 40401);
                check(c, "GET latest " + s, c.http.get("/subjects/" + enc + "/versions/latest"), ok, 40401);
                check(c, "GET config " + s, c.http.get("/config/" + enc + "?defaultToGlobal=true"), ok, 40401);
                check(c, "POST lookup " + s, c.http.post("/subjects/" + enc,
                        Map.of("schema", schema(s.equals(IN) ? "In" : s.equals(OUT) ? "Out" : "Card"))), ok, 40401);
                check(c, "POST compatibility " + s, c.http.post("/compatibility/subjects/" + enc
                        + "/versions/latest", Map.of("schema", schema("Other"))), ok, 40401);
                check(c, "GET v1 versions " + s, c.http.get("/api/v1/subjects/" + enc + "/versions"), ok, 40401);
            }
        }
    }

    private static void check(Caller c, String what, RegistryHttp.Answer a, boolean allowed, int deniedCode) {
        if (allowed) {
            assertEquals(200, a.status(), c + " " + what + ": " + a.raw());
        } else {
            assertEquals(404, a.status(), c + " " + what + ": " + a.raw());
            assertEquals(deniedCode, a.errorCode(), c + " " + what + ": " + a.raw());
        }
    }

    @Test
    void byIdReadsNeedOneReadableSubject() {
        for (Caller c : CALLERS) {
            check(c, "GET id in", c.http.get("/schemas/ids/" + idIn), c.reads.test(IN), 40403);
            check(c, "GET id out", c.http.get("/schemas/ids/" + idOut), c.reads.test(OUT), 40403);
            check(c, "GET id out /schema", c.http.get("/schemas/ids/" + idOut + "/schema"), c.reads.test(OUT), 40403);
            check(c, "GET v1 id out", c.http.get("/api/v1/schemas/" + idOut), c.reads.test(OUT), 40403);
            RegistryHttp.Answer shared = c.http.get("/schemas/ids/" + idShared + "/subjects");
            assertEquals(200, shared.status(), c + ": " + shared.raw());
            Set<String> expected = new HashSet<>();
            for (String s : List.of("team-a.shared", "team-b.shared")) {
                if (c.reads.test(s)) {
                    expected.add(s);
                }
            }
            assertEquals(expected, strings(shared.body()), c + " /schemas/ids/{id}/subjects");
            RegistryHttp.Answer versions = c.http.get("/schemas/ids/" + idShared + "/versions");
            assertEquals(expected.size(), versions.body().size(), c + " /schemas/ids/{id}/versions: " + versions.raw());
        }
    }

    @Test
    void listsShowOnlyReadableSubjects() {
        for (Caller c : CALLERS) {
            Set<String> subjects = strings(c.http.get("/subjects").body());
            Set<String> all = strings(admin.get("/subjects").body());
            Set<String> expected = new HashSet<>();
            all.stream().filter(c.reads).forEach(expected::add);
            assertEquals(expected, subjects, c + " GET /subjects");
            Set<String> fromSchemas = new HashSet<>();
            c.http.get("/schemas").body().forEach(n -> fromSchemas.add(n.path("subject").asText()));
            assertEquals(expected, fromSchemas, c + " GET /schemas");
            Set<String> contexts = strings(c.http.get("/contexts").body());
            assertEquals(c.reads.test(CTX) ? Set.of(".", ".pay") : Set.of("."), contexts, c + " GET /contexts");
            Set<String> v1 = new HashSet<>();
            c.http.get("/api/v1/schemas").body().path("schemas").forEach(n -> v1.add(n.path("subject").asText()));
            assertEquals(expected, v1, c + " GET /api/v1/schemas");
        }
    }

    @Test
    void writesInsideAndOutsideScope() {
        int n = 0;
        for (Caller c : CALLERS) {
            for (String base : List.of("team-a.w", "team-b.w")) {
                String s = base + (n++);
                assertEquals(200, admin.register(s, schema("W")).status());
                boolean ok = c.writes.test(s);
                if (ok) {
                    assertEquals(200, c.http.register(s, W2).status(), c + " register " + s);
                    assertEquals(200, c.http.delete("/subjects/" + s + "/versions/2").status(), c + " delete version");
                    assertEquals(200, c.http.delete("/subjects/" + s).status(), c + " delete subject");
                } else {
                    denied(c, "register " + s, () -> c.http.register(s, W2), 403, 40301);
                    denied(c, "delete version " + s, () -> c.http.delete("/subjects/" + s + "/versions/1"), 403, 40301);
                    denied(c, "delete subject " + s, () -> c.http.delete("/subjects/" + s), 403, 40301);
                    // the registration API's subject is in the body: the sequencer refuses it
                    denied(c, "v1 register " + s, () -> c.http.post("/api/v1/schemas", Map.of("subject", s + ".v1",
                            "schema_type", "json", "schema", Map.of("type", "object"))), 403, 40301);
                }
            }
        }
    }

    @Test
    void configAndModeAreAdminOnly() {
        for (Caller c : CALLERS) {
            for (String s : List.of(IN, OUT)) {
                if (c.admin) {
                    assertEquals(200, c.http.put("/config/" + s, Map.of("compatibility", "BACKWARD")).status());
                    assertEquals(200, c.http.put("/mode/" + s, Map.of("mode", "READWRITE")).status());
                } else {
                    denied(c, "PUT config " + s, () -> c.http.put("/config/" + s, Map.of("compatibility", "NONE")),
                            403, 40301);
                    denied(c, "PUT mode " + s, () -> c.http.put("/mode/" + s, Map.of("mode", "READONLY")), 403, 40301);
                    denied(c, "DELETE config " + s, () -> c.http.delete("/config/" + s), 403, 40301);
                }
            }
            if (c.admin) {
                assertEquals(200, c.http.put("/config", Map.of("compatibility", "BACKWARD")).status());
            } else {
                denied(c, "PUT global config", () -> c.http.put("/config", Map.of("compatibility", "NONE")), 403, 40301);
                denied(c, "PUT global mode", () -> c.http.put("/mode", Map.of("mode", "READONLY")), 403, 40301);
            }
            assertEquals(200, c.http.get("/config").status(), c + " global config read");
            assertEquals(200, c.http.get("/").status());
        }
    }

    @Test
    void credentialsAreRequiredExceptOnOpenPaths() {
        RegistryHttp anonymous = stack.http;
        RegistryHttp.Answer none = anonymous.get("/subjects");
        assertEquals(401, none.status());
        assertEquals(40101, none.errorCode());
        assertNotNull(none.header("WWW-Authenticate"));
        assertEquals(401, anonymous.withAuthorization(RegistryHttp.basic("admin", "wrong")).get("/subjects").status());
        assertEquals(401, anonymous.withAuthorization(RegistryHttp.basic("nobody", "x")).get("/subjects").status());
        denied(new Caller("anonymous", anonymous, s -> false, s -> false, false), "register",
                () -> anonymous.register(IN, schema("X")), 401, 40101);
        assertEquals(200, anonymous.get("/health").status());
        assertFalse(anonymous.get("/metrics").raw().isEmpty());
        assertEquals(200, anonymous.get("/metrics").status());
    }

    static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
