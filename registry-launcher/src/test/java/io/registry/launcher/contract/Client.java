package io.registry.launcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a Confluent client sees: a method, a path, a JSON body with Confluent's content type; an answer with a
 * status, a content type and a JSON body. Every answer is checked to carry Confluent's content type.
 */
final class Client {
    static final String V1 = "application/vnd.schemaregistry.v1+json";
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Client(URI base) {
        this.base = base;
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, String jsonBody) {
        return send("POST", path, jsonBody);
    }

    Reply put(String path, String jsonBody) {
        return send("PUT", path, jsonBody);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    private Reply send(String method, String path, String body) {
        return exchange(method, path, body, body == null ? null : V1, V1);
    }

    /** Any request, with the given {@code Content-Type} (also without a body) and {@code Accept} (null: none). */
    Reply exchange(String method, String path, String body, String contentType, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(method + " " + path, r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JSON text from a Java literal with single quotes, for readable request bodies. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** A JSON string literal holding {@code text}, for embedding schema text in request bodies. */
    static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Reply(String request, int status, String contentType, String raw) {
        JsonNode body() {
            try {
                return JSON.readTree(raw);
            } catch (IOException e) {
                fail(request + ": body is not JSON: " + raw);
                return null;
            }
        }

        /** Asserts the status and Confluent's content type; returns the JSON body. */
        JsonNode ok() {
            return expect(200);
        }

        JsonNode expect(int status) {
            assertEquals(status, this.status, request + " → " + raw);
            assertEquals(V1, contentType, request + ": content type");
            return body();
        }

        /** Asserts Confluent's error shape: the HTTP status, {@code error_code} and a {@code message}. */
        void error(int status, int errorCode) {
            JsonNode body = expect(status);
            assertEquals(errorCode, body.path("error_code").asInt(), request + " → " + raw);
            assertTrue(body.path("message").isTextual(), request + ": error without message: " + raw);
        }

        /** Asserts the body is an object with exactly these fields, in this order. */
        JsonNode fields(String... names) {
            JsonNode body = ok();
            List<String> actual = new ArrayList<>();
            for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
                actual.add(it.next());
            }
            assertEquals(List.of(names), actual, request + " → " + raw);
            return body;
        }

        List<Integer> ints() {
            JsonNode body = ok();
            assertTrue(body.isArray(), request + " → " + raw);
            List<Integer> out = new ArrayList<>();
            body.forEach(n -> {
                assertTrue(n.isInt(), request + " → " + raw);
                out.add(n.asInt());
            });
            return out;
        }

        List<String> strings() {
            JsonNode body = ok();
            assertTrue(body.isArray(), request + " → " + raw);
            List<String> out = new ArrayList<>();
            body.forEach(n -> {
                assertTrue(n.isTextual(), request + " → " + raw);
                out.add(n.asText());
            });
            return out;
        }
    }
}
