package io.registry.launcher;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * jqwik generators of hostile requests against every route of the Confluent API, {@code /contexts/…} URLs and
 * {@code /api/v1}: broken JSON, huge and deeply nested schemas, wrong JSON types, invalid UTF-8, absurd query
 * values, odd path segments, header floods, odd content types, and raw bytes no HTTP client would send.
 *
 * <p>Write routes only ever get requests that are invalid by construction — a broken body, or a subject that does
 * not exist (names starting {@code nx}) — so the log must not move. Reads may get valid parts too, to reach deeper.
 */
final class HostileRequests {
    /** Subjects {@link BadInputFuzzTest} registers before fuzzing, so reads reach existing data. */
    static final List<String> SEEDED_SUBJECTS = List.of("fuzz-avro", "fuzz-json", "fuzz-proto", ":.fctx:fuzz-ctx");
    static final String AVRO = "{\"type\":\"record\",\"name\":\"F\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    static final String AVRO_2 = "{\"type\":\"record\",\"name\":\"F\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
            + "{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";
    static final String JSON = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";
    static final String PROTO = "syntax = \"proto3\";\npackage fz;\nmessage M { string a = 1; }\n";

    private static final String V1 = "application/vnd.schemaregistry.v1+json";

    private HostileRequests() {
    }

    static Arbitrary<HostileRequest> any() {
        Arbitrary<HostileRequest> confluent = Arbitraries.oneOf(confluentRoutes(Function.identity()));
        return Arbitraries.frequencyOf(
                Tuple.of(60, confluent),
                Tuple.of(12, contextPrefixed(confluent)),
                Tuple.of(18, v1()),
                Tuple.of(3, unknownPaths()),
                Tuple.of(4, Raw.requests()));
    }

    // ---------------------------------------------------------------- routes

    /** The same routes behind Confluent's {@code /contexts/{ctx}} prefix (rewritten before routing). */
    private static Arbitrary<HostileRequest> contextPrefixed(Arbitrary<HostileRequest> confluent) {
        return Combinators.combine(contexts(), confluent).as((ctx, r) -> HostileRequest.http(r.route(), r.method(),
                "/contexts/" + ctx + r.target(), r.headers(), r.body()));
    }

    private static List<Arbitrary<HostileRequest>> confluentRoutes(Function<String, String> prefix) {
        List<Arbitrary<HostileRequest>> routes = new ArrayList<>();
        routes.add(request("GET /", "GET", just(prefix.apply("")), List.of(), noBody()));
        routes.add(request("GET /schemas/types", "GET", just(prefix.apply("/schemas/types")), List.of(), noBody()));
        for (String tail : List.of("", "/schema", "/subjects", "/versions")) {
            routes.add(request("GET /schemas/ids/{id}" + tail, "GET",
                    ids().map(id -> prefix.apply("/schemas/ids/" + id + tail)),
                    List.of(q("subject", subjects()), q("fetchMaxId", booleans()), q("format", formats()),
                            q("deleted", booleans())), noBody()));
        }
        routes.add(request("GET /schemas", "GET", just(prefix.apply("/schemas")),
                List.of(q("subjectPrefix", subjects()), q("deleted", booleans()), q("latestOnly", booleans()),
                        q("offset", ints()), q("limit", ints())), noBody()));
        routes.add(request("GET /subjects", "GET", just(prefix.apply("/subjects")),
                List.of(q("subjectPrefix", subjects()), q("deleted", booleans()), q("deletedOnly", booleans()),
                        q("offset", ints()), q("limit", ints())), noBody()));
        routes.add(request("GET /subjects/{s}/versions", "GET",
                subjects().map(s -> prefix.apply("/subjects/" + s + "/versions")),
                List.of(q("deleted", booleans()), q("deletedOnly", booleans()), q("deletedAsNegative", booleans()),
                        q("offset", ints()), q("limit", ints())), noBody()));
        routes.add(request("POST /subjects/{s}/versions", "POST",
                subjects().map(s -> prefix.apply("/subjects/" + s + "/versions")),
                List.of(q("normalize", booleans())), Bodies.brokenSchema()));
        for (String tail : List.of("", "/schema", "/referencedby")) {
            routes.add(request("GET /subjects/{s}/versions/{v}" + tail, "GET",
                    Combinators.combine(subjects(), versions())
                            .as((s, v) -> prefix.apply("/subjects/" + s + "/versions/" + v + tail)),
                    List.of(q("deleted", booleans()), q("format", formats())), noBody()));
        }
        routes.add(request("POST /subjects/{s}", "POST", subjects().map(s -> prefix.apply("/subjects/" + s)),
                List.of(q("normalize", booleans()), q("deleted", booleans())), Bodies.anySchema()));
        routes.add(request("DELETE /subjects/{s}", "DELETE",
                absentSubjects().map(s -> prefix.apply("/subjects/" + s)),
                List.of(q("permanent", booleans())), noBody()));
        routes.add(request("DELETE /subjects/{s}/versions/{v}", "DELETE",
                Combinators.combine(absentSubjects(), versions())
                        .as((s, v) -> prefix.apply("/subjects/" + s + "/versions/" + v)),
                List.of(q("permanent", booleans())), noBody()));
        routes.add(request("POST /compatibility/subjects/{s}/versions", "POST",
                subjects().map(s -> prefix.apply("/compatibility/subjects/" + s + "/versions")),
                List.of(q("verbose", booleans()), q("normalize", booleans())), Bodies.anySchema()));
        routes.add(request("POST /compatibility/subjects/{s}/versions/{v}", "POST",
                Combinators.combine(subjects(), versions())
                        .as((s, v) -> prefix.apply("/compatibility/subjects/" + s + "/versions/" + v)),
                List.of(q("verbose", booleans()), q("normalize", booleans())), Bodies.anySchema()));
        for (String scope : List.of("config", "mode")) {
            Arbitrary<byte[]> broken = scope.equals("config") ? Bodies.brokenConfig() : Bodies.brokenMode();
            routes.add(request("GET /" + scope, "GET", just(prefix.apply("/" + scope)),
                    List.of(q("defaultToGlobal", booleans())), noBody()));
            routes.add(request("PUT /" + scope, "PUT", just(prefix.apply("/" + scope)),
                    List.of(q("force", booleans())), broken));
            routes.add(request("GET /" + scope + "/{s}", "GET",
                    subjects().map(s -> prefix.apply("/" + scope + "/" + s)),
                    List.of(q("defaultToGlobal", booleans())), noBody()));
            routes.add(request("PUT /" + scope + "/{s}", "PUT",
                    subjects().map(s -> prefix.apply("/" + scope + "/" + s)),
                    List.of(q("force", booleans())), broken));
            // DELETE /config and /mode (global) always succeed, so only their subject forms are fuzzed
            routes.add(request("DELETE /" + scope + "/{s}", "DELETE",
                    absentSubjects().map(s -> prefix.apply("/" + scope + "/" + s)), List.of(), noBody()));
        }
        routes.add(request("GET /contexts", "GET", just(prefix.apply("/contexts")), List.of(), noBody()));
        routes.add(request("DELETE /contexts/{ctx}", "DELETE", contexts().map(c -> "/contexts/" + c), List.of(),
                noBody()));
        routes.add(request("GET /v1/metadata/id", "GET", just(prefix.apply("/v1/metadata/id")), List.of(), noBody()));
        routes.add(request("GET /v1/metadata/version", "GET", just(prefix.apply("/v1/metadata/version")), List.of(),
                noBody()));
        return routes;
    }

    private static Arbitrary<HostileRequest> v1() {
        return Arbitraries.oneOf(List.of(
                request("POST /api/v1/schemas", "POST", just("/api/v1/schemas"), List.of(), Bodies.brokenV1Register()),
                request("GET /api/v1/schemas/{id}", "GET", ids().map(id -> "/api/v1/schemas/" + id), List.of(),
                        noBody()),
                request("GET /api/v1/schemas", "GET", just("/api/v1/schemas"),
                        List.of(q("subject_prefix", subjects()), q("metadata.owner", oddText()),
                                q("metadata." + "%00", oddText()), q("metadata.", oddText())), noBody()),
                request("GET /api/v1/subjects/{s}/versions", "GET",
                        subjects().map(s -> "/api/v1/subjects/" + s + "/versions"), List.of(), noBody()),
                request("GET /api/v1/subjects/{s}/versions/{v}", "GET",
                        Combinators.combine(subjects(), Arbitraries.oneOf(versions(), semvers()))
                                .as((s, v) -> "/api/v1/subjects/" + s + "/versions/" + v), List.of(), noBody()),
                request("POST /api/v1/validate/{id}", "POST", ids().map(id -> "/api/v1/validate/" + id),
                        List.of(q("message", oddText())), Bodies.anyJsonish()),
                request("POST /api/v1/compatibility/check", "POST", just("/api/v1/compatibility/check"), List.of(),
                        Bodies.v1Compatibility()),
                request("GET /api/v1/schemas/{id}/llm", "GET", ids().map(id -> "/api/v1/schemas/" + id + "/llm"),
                        List.of(q("target", Arbitraries.oneOf(Arbitraries.of("openai", "anthropic", "gemini",
                                "OPENAI", "", "x"), oddText())), q("name", oddText())), noBody())));
    }

    private static Arbitrary<HostileRequest> unknownPaths() {
        return request("unknown", "GET", Arbitraries.oneOf(
                        Arbitraries.of("/associations", "/dek-registry/v1/keks", "/subjects/", "/schemas/ids/",
                                "/schemas/ids", "//", "/api/v1", "/api/v2/x", "/config/", "/mode//x",
                                "/subjects/a/versions/1/extra/deep", "/%2e%2e/%2e%2e/etc/passwd"),
                        segment().map(s -> "/" + s)),
                List.of(q("x", oddText())), Arbitraries.oneOf(noBody(), Bodies.anyJsonish()));
    }

    // ---------------------------------------------------------------- request assembly

    private record Query(String name, Arbitrary<String> value) {
    }

    private static Query q(String name, Arbitrary<String> value) {
        return new Query(name, value);
    }

    /**
     * A route's request with random query parameters (each present or not, sometimes repeated, plus an unknown
     * one), headers (normal, floods, odd types) and, now and then, another method the route does not have.
     */
    private static Arbitrary<HostileRequest> request(String route, String method, Arbitrary<String> path,
                                                     List<Query> params, Arbitrary<byte[]> body) {
        Arbitrary<String> query = queryString(params);
        Arbitrary<String> methods = Arbitraries.frequency(Tuple.of(94, method), Tuple.of(3, "PATCH"),
                Tuple.of(2, "OPTIONS"), Tuple.of(1, "TRACE"));
        return Combinators.combine(methods, path, query, Headers.any(), body)
                .as((m, p, qs, headers, b) -> HostileRequest.http(route, m, p + qs, headers, b));
    }

    private static Arbitrary<String> queryString(List<Query> params) {
        List<Arbitrary<String>> parts = new ArrayList<>();
        for (Query param : params) {
            parts.add(Arbitraries.frequencyOf(
                    Tuple.of(5, just("")),
                    Tuple.of(4, param.value().map(v -> "&" + param.name() + "=" + v)),
                    Tuple.of(1, Combinators.combine(param.value(), param.value())
                            .as((a, b) -> "&" + param.name() + "=" + a + "&" + param.name() + "=" + b))));
        }
        parts.add(Arbitraries.frequencyOf(Tuple.of(9, just("")),
                Tuple.of(1, Combinators.combine(segment(), oddText()).as((k, v) -> "&" + k + "=" + v)),
                Tuple.of(1, Arbitraries.of("&", "&&=", "&=x", "&a", "&%00=%00"))));
        return Combinators.combine(parts).as(list -> {
            String joined = String.join("", list);
            return joined.isEmpty() ? "" : "?" + joined.substring(1);
        });
    }

    // ---------------------------------------------------------------- values

    private static Arbitrary<String> just(String value) {
        return Arbitraries.just(value);
    }

    private static Arbitrary<byte[]> noBody() {
        return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just((byte[]) null)), Tuple.of(1, Bodies.anyJsonish()));
    }

    /** Subjects for reads: existing ones (also qualified), absent ones, odd and huge names. */
    static Arbitrary<String> subjects() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(SEEDED_SUBJECTS).map(HostileRequests::encode)),
                Tuple.of(5, absentSubjects()),
                Tuple.of(1, Arbitraries.of(":*:", ":.fctx:", ":.:", ":.fctx:fuzz", "fuzz", "%3A*%3A", ":", "::")));
    }

    /** Subjects that do not exist (every name starts {@code nx}), for routes that would otherwise write. */
    static Arbitrary<String> absentSubjects() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, segment().map(s -> "nx" + s)),
                Tuple.of(2, segment().map(s -> encode(":.nxctx:") + "nx" + s)),
                Tuple.of(1, Arbitraries.integers().between(200, 20_000).map(n -> "nx" + "s".repeat(n))),
                Tuple.of(1, Arbitraries.of("nx%00", "nx%FF%FE", "nx%C0%80", "nx%2F..%2F..", "nx%0D%0AX:1",
                        "nx%E2%80%AE", "nx%F0%9F%92%A9", "nx;jsessionid=1", "nx%20", "nx%2525")));
    }

    /** A path segment of odd characters, percent-encoded as an HTTP client would (invalid escapes: see Raw). */
    private static Arbitrary<String> segment() {
        return oddRawText().map(HostileRequests::encode);
    }

    private static Arbitrary<String> oddRawText() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars(":./\\%?#&=+;,@!$'()*[]{}|^`\"<> \t\n\r\u0000\u007f~-_")
                .withCharRange('\u00a0', '\u00ff')
                .withCharRange('\u2000', '\u206f')
                .withChars("\ud83d\udca9\ufeff\ufffd")
                .ofMinLength(0).ofMaxLength(40);
    }

    /** Query values: odd characters, encoded. */
    private static Arbitrary<String> oddText() {
        return Arbitraries.frequencyOf(Tuple.of(4, oddRawText().map(HostileRequests::encode)),
                Tuple.of(1, Arbitraries.integers().between(1000, 20_000).map("x"::repeat)));
    }

    static Arbitrary<String> contexts() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(".", ".fctx", "fctx", ":.fctx:", ".nxctx", "nxctx", "%3A.fctx%3A")),
                Tuple.of(2, Arbitraries.of(":bad", ".a:b", "..", "%2E", "", ":", ".%00", ".%FF", "a%2Fb", ":.:x")),
                Tuple.of(1, segment()));
    }

    private static Arbitrary<String> ids() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(-3, 6).map(String::valueOf)),
                Tuple.of(3, Arbitraries.of("2147483647", "2147483648", "-2147483649", "99999999999999999999",
                        "abc", "1.5", "1e3", "0x1", "%20%31", "+1", "%EF%BC%91", "1%00", "")),
                Tuple.of(1, segment()));
    }

    private static Arbitrary<String> versions() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("1", "2", "latest", "-1", "0", "-2", "LATEST", "3")),
                Tuple.of(3, Arbitraries.of("2147483647", "2147483648", "-2147483648", "99999999999999999999",
                        "abc", "1.0", "1e1", "+1", "%20%31", "%EF%BC%91", "latest%00", "")),
                Tuple.of(1, segment()));
    }

    private static Arbitrary<String> semvers() {
        return Arbitraries.of("1.0.0", "1.0", "v1.0.0", "1.0.0-rc.1", "01.0.0", "999999999999.0.0", "-1.0.0",
                "1.0.0+build", "1..0", "%2E%2E");
    }

    private static Arbitrary<String> booleans() {
        return Arbitraries.of("true", "false", "maybe", "", "TRUE", "1", "0", "yes", "null", "tru%65", "%00",
                "true%20", "t", "falsefalse");
    }

    private static Arbitrary<String> ints() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-5, 10).map(String::valueOf)),
                Tuple.of(3, Arbitraries.of("2147483647", "2147483648", "-2147483648", "-2147483649",
                        "99999999999999999999999", "abc", "", "1.5", "1e3", "0x10", "%20", "-0", "+3", "%EF%BC%91")));
    }

    private static Arbitrary<String> formats() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("resolved", "serialized", "ignore_extensions", "RESOLVED", "", "avro",
                        "flink", "protobuf", "default", "nope")),
                Tuple.of(1, oddText()));
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters and {@code %} (kept: pre-encoded). */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- headers

    static final class Headers {
        private Headers() {
        }

        static Arbitrary<List<Map.Entry<String, String>>> any() {
            return Combinators.combine(contentType(), accept(), extras()).as((ct, acc, extra) -> {
                List<Map.Entry<String, String>> all = new ArrayList<>();
                if (ct != null) {
                    all.add(Map.entry("Content-Type", ct));
                }
                if (acc != null) {
                    all.add(Map.entry("Accept", acc));
                }
                all.addAll(extra);
                return all;
            });
        }

        private static Arbitrary<String> contentType() {
            return Arbitraries.frequencyOf(
                    Tuple.of(10, Arbitraries.just(V1)),
                    Tuple.of(3, Arbitraries.of("application/json", "application/vnd.schemaregistry+json",
                            "application/octet-stream", "text/plain")),
                    Tuple.of(1, Arbitraries.just((String) null)),
                    Tuple.of(3, Arbitraries.of("text/html", "application/xml", "garbage", "application/json; charset=latin1",
                            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "",
                            "application/vnd.schemaregistry.v2+json", "application/json;;;", "/", "a/b; q=0",
                            "application/json; charset=\"", "text/plain; charset=utf-16")));
        }

        private static Arbitrary<String> accept() {
            return Arbitraries.frequencyOf(
                    Tuple.of(10, Arbitraries.just(V1)),
                    Tuple.of(3, Arbitraries.just((String) null)),
                    Tuple.of(2, Arbitraries.of("application/json", "*/*", "application/vnd.schemaregistry+json")),
                    Tuple.of(2, Arbitraries.of("text/html", "application/xml", "garbage", "application/json;q=0",
                            "*/*;q=abc", ";;;", "application/*;q=0.5, text/*;q=2", "image/png")));
        }

        /** Usually nothing; sometimes a flood: many headers, or one huge value (beyond Netty's 8 KiB limit). */
        private static Arbitrary<List<Map.Entry<String, String>>> extras() {
            return Arbitraries.frequencyOf(
                    Tuple.of(90, Arbitraries.just(List.of())),
                    Tuple.of(4, Arbitraries.integers().between(1, 400).map(n -> flood(n, 40))),
                    Tuple.of(3, Arbitraries.integers().between(4_000, 40_000)
                            .map(n -> List.of(Map.entry("X-Fuzz-Huge", "h".repeat(n))))),
                    Tuple.of(3, Arbitraries.of(
                            List.of(Map.entry("X-Registry-Min-Seq", "abc")),
                            List.of(Map.entry("X-Registry-Min-Seq", "99999999999999999999")),
                            List.of(Map.entry("X-Registry-Min-Seq", "-5")),
                            List.of(Map.entry("Content-Encoding", "gzip")),
                            List.of(Map.entry("Accept-Encoding", "br;q=abc")),
                            List.of(Map.entry("Authorization", "Basic %%%")),
                            List.of(Map.entry("Cookie", "a=" + "b".repeat(100))),
                            List.of(Map.entry("X-Forwarded-For", "not-an-ip, ::ffff:1")))));
        }

        private static List<Map.Entry<String, String>> flood(int count, int valueLength) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                headers.add(Map.entry("X-Fuzz-" + i, "v".repeat(valueLength)));
            }
            return headers;
        }
    }

    // ---------------------------------------------------------------- bodies

    static final class Bodies {
        private Bodies() {
        }

        /** Never a registrable schema: malformed, wrong types, unparseable text, too deep. */
        static Arbitrary<byte[]> brokenSchema() {
            return Arbitraries.frequencyOf(
                    Tuple.of(12, malformedJson()),
                    Tuple.of(6, nonObjectJson()),
                    Tuple.of(12, Combinators.combine(wrongSchemaValue(), otherFields())
                            .as((schema, other) -> object("schema", schema, other))),
                    Tuple.of(12, Combinators.combine(brokenSchemaText().map(Bodies::quoted), otherFields())
                            .as((schema, other) -> object("schema", schema, other))),
                    Tuple.of(3, deepAvro()),
                    Tuple.of(3, Arbitraries.integers().between(1_001, 20_000).map(Bodies::deepArrays)),
                    Tuple.of(1, Arbitraries.just(0).map(x -> hugeSchema())));
        }

        /** Broken bodies and valid schemas with a wrong field, for routes that never write (lookup, compatibility). */
        static Arbitrary<byte[]> anySchema() {
            return Arbitraries.frequencyOf(
                    Tuple.of(3, brokenSchema()),
                    Tuple.of(2, Combinators.combine(Arbitraries.of(AVRO, AVRO_2, JSON, PROTO), otherFields())
                            .as((schema, other) -> object("schema", quoted(schema), other))));
        }

        static Arbitrary<byte[]> brokenConfig() {
            return Arbitraries.frequencyOf(
                    Tuple.of(2, malformedJson()),
                    Tuple.of(1, nonObjectJson()),
                    // never a null level with a valid normalize: {"normalize":true} alone is a valid update
                    Tuple.of(3, Combinators.combine(Arbitraries.oneOf(wrongScalar().filter(v -> !v.equals("null")),
                                    Arbitraries.of("\"BACKWARDS\"", "\"\"", "\"NONE \"", "\"backward,full\"",
                                            "\"\\u0000\"")),
                            Arbitraries.of("", ",\"normalize\":\"yes\"", ",\"normalize\":1", ",\"normalize\":true"))
                            .as((level, normalize) -> bytes("{\"compatibility\":" + level + normalize + "}"))),
                    Tuple.of(1, Arbitraries.of("{\"normalize\":\"true\"}", "{\"normalize\":[true]}",
                            "{\"compatibility\":\"FULL\",\"normalize\":{}}").map(Bodies::bytes)));
        }

        static Arbitrary<byte[]> brokenMode() {
            return Arbitraries.frequencyOf(
                    Tuple.of(2, malformedJson()),
                    Tuple.of(1, nonObjectJson()),
                    Tuple.of(3, Arbitraries.oneOf(wrongScalar(), Arbitraries.of("\"NOPE\"", "\"\"", "\"READ WRITE\"",
                            "\"IMPORTS\"", "\"\\u0000\"", "\"\\ud83d\\ude00\""))
                            .map(mode -> bytes("{\"mode\":" + mode + "}"))),
                    Tuple.of(1, Arbitraries.just(bytes("{}"))));
        }

        /** {@code POST /api/v1/schemas} bodies that cannot register: the schema or the subject is always wrong. */
        static Arbitrary<byte[]> brokenV1Register() {
            Arbitrary<String> subject = Arbitraries.oneOf(Arbitraries.of("\"fuzz-v1\"", "\"nx-v1\"", "\"\""),
                    wrongScalar());
            Arbitrary<String> badSchema = Arbitraries.oneOf(wrongScalar().filter(v -> !v.startsWith("{")),
                    brokenSchemaText().map(Bodies::quoted), Arbitraries.just("[]"));
            Arbitrary<String> rest = Arbitraries.of("", ",\"schema_type\":\"json\"", ",\"schema_type\":7",
                    ",\"schema_type\":\"xml\"", ",\"version\":\"1.x\"", ",\"version\":1", ",\"metadata\":[1]",
                    ",\"metadata\":{\"a\":{\"b\":[]}}", ",\"description\":5");
            return Arbitraries.frequencyOf(
                    Tuple.of(2, malformedJson()),
                    Tuple.of(1, nonObjectJson()),
                    Tuple.of(4, Combinators.combine(subject, badSchema, rest)
                            .as((s, schema, r) -> bytes("{\"subject\":" + s + ",\"schema\":" + schema + r + "}"))),
                    Tuple.of(2, Combinators.combine(Arbitraries.oneOf(wrongScalar(), Arbitraries.of("\"\"")), rest)
                            .as((s, r) -> bytes("{\"subject\":" + s + ",\"schema\":" + JSON + r + "}"))));
        }

        static Arbitrary<byte[]> v1Compatibility() {
            return Arbitraries.frequencyOf(
                    Tuple.of(2, brokenV1Register()),
                    Tuple.of(1, Combinators.combine(Arbitraries.of("\"fuzz-json\"", "\"nx\"", "5", "null"),
                                    Arbitraries.of("\"BACKWARD\"", "\"nope\"", "3", "[]", "null"))
                            .as((s, level) -> bytes("{\"subject\":" + s + ",\"schema_type\":\"json\",\"schema\":"
                                    + JSON + ",\"level\":" + level + "}"))));
        }

        /** Anything a client might send as JSON: malformed, scalars, deep, invalid UTF-8. */
        static Arbitrary<byte[]> anyJsonish() {
            return Arbitraries.frequencyOf(
                    Tuple.of(3, malformedJson()),
                    Tuple.of(2, nonObjectJson()),
                    Tuple.of(2, Arbitraries.of("{\"payloads\":5}", "{\"payloads\":[1,2,{}]}", "{\"a\":1}",
                            "{\"payloads\":[" + "{},".repeat(200) + "{}]}", "{\"days\":\"x\",\"city\":[]}")
                            .map(Bodies::bytes)),
                    Tuple.of(1, Arbitraries.integers().between(1_001, 20_000).map(Bodies::deepArrays)));
        }

        private static Arbitrary<byte[]> malformedJson() {
            return Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.of("{", "}", "[1,2", "\"str", "{\"schema\":", "{\"schema\":\"x\"} xyz",
                            "{'schema':'x'}", "{schema:\"x\"}", "{\"schema\":\"\\u12\"}", "{\"a\":1,}", "NaN",
                            "{\"schema\":\"x\",\"schema\":}", "\u0000", "{\"schema\":01}", "--", "{\"a\":1e99999}",
                            "{\"schema\":\"a\nb\"}", "\ufeff{\"schema\":1}", "{\"schema\":\"\\ud800\"}")
                            .map(Bodies::bytes)),
                    Tuple.of(2, invalidUtf8()),
                    Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200)),
                    Tuple.of(1, Arbitraries.strings().ofMinLength(1).ofMaxLength(100).map(Bodies::bytes)),
                    Tuple.of(1, Arbitraries.just(new byte[0])));
        }

        private static Arbitrary<byte[]> invalidUtf8() {
            return Arbitraries.of(
                    new byte[]{'{', '"', 's', 'c', 'h', 'e', 'm', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'},
                    new byte[]{'{', '"', (byte) 0xc3, (byte) 0x28, '"', ':', '1', '}'},
                    new byte[]{'{', '"', 's', 'c', 'h', 'e', 'm', 'a', '"', ':', '"', (byte) 0xed, (byte) 0xa0,
                            (byte) 0x80, '"', '}'},
                    new byte[]{'{', '"', 's', 'c', 'h', 'e', 'm', 'a', '"', ':', '"', (byte) 0xc0, (byte) 0x80, '"', '}'},
                    new byte[]{(byte) 0xfe, (byte) 0xff, 0, '{', 0, '}'},
                    new byte[]{'{', '"', 's', 'c', 'h', 'e', 'm', 'a', '"', ':', '"', (byte) 0xf4, (byte) 0x90,
                            (byte) 0x80, (byte) 0x80, '"', '}'});
        }

        private static Arbitrary<byte[]> nonObjectJson() {
            return Arbitraries.of("[]", "\"x\"", "1", "null", "true", "[{\"schema\":\"x\"}]", "-0.0e-0", "\"\"",
                    "99999999999999999999999999999").map(Bodies::bytes);
        }

        /** Values of the wrong JSON type for a string field (never a valid schema of any type). */
        private static Arbitrary<String> wrongSchemaValue() {
            return Arbitraries.oneOf(wrongScalar().filter(v -> !v.startsWith("{")),
                    Arbitraries.of("\"\"", "\"  \"", "[\"" + AVRO.replace("\"", "\\\"") + "\"]"),
                    Arbitraries.just("absent"));
        }

        private static Arbitrary<String> wrongScalar() {
            return Arbitraries.of("1", "-1", "1.5", "true", "false", "null", "[]", "[1,\"a\"]", "{}", "{\"a\":[]}",
                    "1e400", "99999999999999999999999", "-0");
        }

        /** Schema texts no format accepts: unbalanced JSON, unclosed Protobuf, Avro with an unknown type. */
        private static Arbitrary<String> brokenSchemaText() {
            return Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.of(AVRO, JSON, PROTO).flatMap(valid ->
                            Arbitraries.integers().between(1, valid.length() - 1).map(cut -> valid.substring(0, cut)))
                            .filter(t -> !t.isBlank() && !t.endsWith("}") && !t.equals("syntax")
                                    && !t.matches("-?\\d+"))),
                    Tuple.of(2, Arbitraries.of("message {", "syntax = \"proto9\"; message M {", "{\"type\":",
                            "{\"type\":\"record\",\"name\":\"x\",\"fields\":[{\"name\":\"a\",\"type\":\"nosuch\"}]",
                            "{{{{", "\"unterminated", "import \"nx.proto\"; message M { nx.T a = 1; ",
                            "{\"$ref\":\"#/definitions/x\"", "{\"type\":\"object\",\"properties\":{\"a\":",
                            "\ud800{", "\u0000{")));
        }

        private static Arbitrary<String> otherFields() {
            return Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.just("")),
                    Tuple.of(3, Combinators.combine(
                            Arbitraries.of("schemaType", "references", "id", "version", "metadata", "ruleSet",
                                    "normalize", "schema_type"),
                            Arbitraries.oneOf(wrongScalar(), Arbitraries.of("\"XML\"", "\"avro\"", "\"JSON\"",
                                    "\"PROTOBUF\"", "\"\"", "[{\"name\":1}]", "[{\"name\":\"a\",\"subject\":\"nx\"}]",
                                    "[{\"name\":\"a\",\"subject\":\"nx\",\"version\":\"1\"}]",
                                    "[null]", "[[]]", "{\"properties\":5}", "{\"domainRules\":{}}",
                                    "2147483648", "-2147483649")))
                            .as((field, value) -> ",\"" + field + "\":" + value)));
        }

        /** An Avro record nested {@code depth} times whose innermost field has an unknown type. */
        private static Arbitrary<byte[]> deepAvro() {
            return Arbitraries.integers().between(50, 3_000).map(depth -> {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < depth; i++) {
                    s.append("{\"type\":\"record\",\"name\":\"r").append(i).append("\",\"fields\":[{\"name\":\"f\",\"type\":");
                }
                s.append("\"nosuchtype\"");
                s.append("}]}".repeat(depth));
                return object("schema", quoted(s.toString()), "");
            });
        }

        /** {@code [[[…} nested beyond any parser's depth limit, never closed. */
        private static byte[] deepArrays(int depth) {
            return bytes("{\"schema\":" + "[".repeat(depth) + "}");
        }

        /** A 0.3–1 MiB schema text that never closes. */
        private static byte[] hugeSchema() {
            StringBuilder s = new StringBuilder("{\"type\":\"record\",\"name\":\"h\",\"fields\":[");
            for (int i = 0; s.length() < 400_000; i++) {
                s.append("{\"name\":\"f").append(i).append("\",\"type\":\"string\"},");
            }
            return object("schema", quoted(s.toString()), "");
        }

        private static byte[] object(String field, String value, String rest) {
            String first = "absent".equals(value) ? "" : "\"" + field + "\":" + value;
            String body = "{" + first + (first.isEmpty() && rest.startsWith(",") ? rest.substring(1) : rest) + "}";
            return bytes(body);
        }

        private static String quoted(String text) {
            StringBuilder s = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '\n' -> s.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            s.append(String.format("\\u%04x", (int) c));
                        } else {
                            s.append(c);
                        }
                    }
                }
            }
            return s.append('"').toString();
        }

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- raw bytes

    /** Requests only a bare socket can send: broken request lines, header syntax, framing, over-long lines. */
    static final class Raw {
        private Raw() {
        }

        static Arbitrary<HostileRequest> requests() {
            return Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.of("GET /subjects/a b/versions HTTP/1.1", "GET /subjects/%zz HTTP/1.1",
                            "GET /subjects/% HTTP/1.1", "GET /subjects/%C0%AF HTTP/1.1", "GET /subjects/\u00ff HTTP/1.1",
                            "GET /subjects/\u0001 HTTP/1.1", "GET /contexts/%zz/subjects HTTP/1.1",
                            "GET /schemas/ids/1?subject=%zz HTTP/1.1", "GET /subjects?deleted=%G0 HTTP/1.1",
                            "GET /api/v1/subjects/%/versions HTTP/1.1", "GARBAGE / HTTP/1.1", "GET / HTTP/9.9",
                            "GET\tHTTP/1.1", "GET /subjects HTTP/1.1 extra", "get /subjects HTTP/1.1",
                            "GET http://other:1/subjects HTTP/1.1", "GET * HTTP/1.1", "CONNECT x:1 HTTP/1.1",
                            "GET /subjects/%E2%80 HTTP/1.1", "DELETE /subjects/nx%zz HTTP/1.1")
                            .map(line -> raw("request-line", line, "", null))),
                    Tuple.of(2, Arbitraries.of("Bad Header: x", "NoColon", "X-A: \u0001\u0002", ": empty-name",
                            "X-Utf8: \u00ff\u00fe", "X-Fold: a\r\n  folded", "Content-Type: \u00ff/\u00fe",
                            "Accept: \u0000", "X-Null\u0000: v")
                            .map(header -> raw("header-syntax", "GET /subjects HTTP/1.1", header, null))),
                    Tuple.of(2, Arbitraries.of("Content-Length: abc", "Content-Length: -5",
                            "Content-Length: 99999999999999999999", "Content-Length: 5\r\nContent-Length: 6",
                            "Transfer-Encoding: chunked\r\nContent-Length: 5", "Transfer-Encoding: gzip",
                            "Transfer-Encoding: chunked")
                            .map(header -> raw("framing", "POST /subjects/nx-raw/versions HTTP/1.1",
                                    "Content-Type: " + V1 + "\r\n" + header, "zz\r\n{\"schema\":1}\r\n0\r\n\r\n"))),
                    Tuple.of(2, Arbitraries.integers().between(4_100, 30_000).map(n -> raw("long-uri",
                            "GET /subjects/" + "u".repeat(n) + "/versions HTTP/1.1", "", null))),
                    Tuple.of(1, Arbitraries.integers().between(9_000, 40_000).map(n -> raw("long-header",
                            "GET /subjects HTTP/1.1", "X-Long: " + "l".repeat(n), null))),
                    Tuple.of(1, Arbitraries.integers().between(300, 3_000).map(n -> {
                        StringBuilder h = new StringBuilder();
                        for (int i = 0; i < n; i++) {
                            h.append(i == 0 ? "" : "\r\n").append("X-F").append(i).append(": v");
                        }
                        return raw("many-headers", "GET /subjects HTTP/1.1", h.toString(), null);
                    })));
        }

        private static HostileRequest raw(String kind, String requestLine, String headers, String body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] line = requestLine.getBytes(StandardCharsets.ISO_8859_1);
            out.writeBytes(line);
            out.writeBytes(bytes("\r\nHost: localhost\r\nConnection: close\r\n"));
            if (!headers.isEmpty()) {
                out.writeBytes(headers.getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(bytes("\r\n"));
            }
            out.writeBytes(bytes("\r\n"));
            if (body != null) {
                out.writeBytes(bytes(body));
            }
            return HostileRequest.raw(kind, out.toByteArray());
        }

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
