package io.registry.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client speaking to the registry as Confluent clients do. */
final class RegistryHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String V1 = "application/vnd.schemaregistry.v1+json";
    /** Longer than any server-side bound (sequencer 60 s + projections 30 s in the crash test): the server answers. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> defaultHeaders;

    RegistryHttp(URI base) {
        this(base, Map.of());
    }

    private RegistryHttp(URI base, Map<String, String> defaultHeaders) {
        this.base = base;
        this.defaultHeaders = defaultHeaders;
    }

    /** The same client sending {@code Authorization: <authorization>} on every request. */
    RegistryHttp withAuthorization(String authorization) {
        return new RegistryHttp(base, Map.of("Authorization", authorization));
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    record Answer(int status, JsonNode body, String raw, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        int errorCode() {
            return body.path("error_code").asInt();
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().header("Accept", V1));
    }

    Answer get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
        headers.forEach(b::header);
        return send(b);
    }

    Answer post(String path, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", V1)
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Answer post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", V1)
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        headers.forEach(b::header);
        return send(b);
    }

    Answer postRaw(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer put(String path, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", V1)
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", V1).DELETE());
    }

    Answer register(String subject, String schema) {
        return post("/subjects/" + subject + "/versions", Map.of("schema", schema));
    }

    Answer register(String subject, String schema, String type) {
        return post("/subjects/" + subject + "/versions", Map.of("schema", schema, "schemaType", type));
    }

    private Answer send(HttpRequest.Builder builder) {
        try {
            defaultHeaders.forEach(builder::header);
            HttpResponse<String> r = client.send(builder.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
            } catch (IOException e) {
                body = JSON.nullNode();
            }
            return new Answer(r.statusCode(), body, r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return value instanceof String s ? s : JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
