package io.registry.launcher.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The few calls of the Confluent API that {@code registry import} makes, with a plain JDK HTTP client. */
public final class RegistryClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = "application/vnd.schemaregistry.v1+json";

    public record Answer(int status, JsonNode body, String raw) {
    }

    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public RegistryClient(URI base) {
        this(base, null);
    }

    /** @param basicAuth {@code user:password} for a registry with Basic authentication on, or null */
    public RegistryClient(URI base, String basicAuth) {
        this.base = base;
        this.authorization = basicAuth == null ? null : "Basic " + java.util.Base64.getEncoder()
                .encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8));
    }

    /** A subject as one path segment; {@code :} stays readable since context-qualified subjects use it. */
    static String segment(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, String body) {
        return send(request(path).header("Content-Type", V1).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer put(String path, String body) {
        return send(request(path).header("Content-Type", V1).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Accept", V1)
                .timeout(Duration.ofSeconds(60));
        return authorization == null ? b : b.header("Authorization", authorization);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
            } catch (IOException e) {
                body = JSON.nullNode();
            }
            return new Answer(r.statusCode(), body, r.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the registry at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
