package io.registry.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Property: no hostile request — of {@link HostileRequests}' kinds, against every route — gets a 5xx (other than the
 * load shedder's 503 with {@code Retry-After}), every 4xx carries a JSON body with an integer {@code error_code}
 * and a {@code message}, and none of them writes to the log ({@code _schemas}' end offset does not move).
 *
 * <p>{@code -Dregistry.fuzz.requests=N} (default 100,000) requests in 1,000 tries of N/1000 requests each, sent
 * concurrently to one full stack. {@code -Dregistry.fuzz.keep-going=true} records every distinct violation and
 * prints them at the end instead of failing at the first (for fixing many at once).
 */
class BadInputFuzzTest {
    private static final int TRIES = 1_000;
    private static final int REQUESTS = Integer.getInteger("registry.fuzz.requests", 100_000);
    private static final int BATCH = Math.max(1, REQUESTS / TRIES);
    private static final boolean KEEP_GOING = Boolean.getBoolean("registry.fuzz.keep-going");
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/\\d\\.\\d (\\d{3})");

    private static RegistryStack stack;
    private static Admin admin;
    private static HttpClient client;
    private static ExecutorService rawSockets;
    private static final Semaphore IN_FLIGHT = new Semaphore(64);
    private static final AtomicLong SENT = new AtomicLong();
    private static final Map<String, String> VIOLATIONS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> VIOLATION_COUNTS = new ConcurrentHashMap<>();
    private static final Map<Integer, AtomicLong> STATUSES = new ConcurrentHashMap<>();
    private static long started;
    private static final AtomicLong IN_PROPERTY_NANOS = new AtomicLong();
    private static final AtomicLong STALE_CONNECTION_RETRIES = new AtomicLong();

    @BeforeContainer
    static void startStack() throws Exception {
        stack = RegistryStack.start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        rawSockets = Executors.newFixedThreadPool(8);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
        seed();
        started = System.nanoTime();
    }

    /** Data for the fuzzed reads to reach: one subject per format, one in a named context, one v1 schema. */
    private static void seed() {
        RegistryHttp http = stack.http;
        assertEquals(200, http.register("fuzz-avro", HostileRequests.AVRO).status());
        assertEquals(200, http.register("fuzz-avro", HostileRequests.AVRO_2).status());
        assertEquals(200, http.register("fuzz-json", HostileRequests.JSON, "JSON").status());
        assertEquals(200, http.register("fuzz-proto", HostileRequests.PROTO, "PROTOBUF").status());
        assertEquals(200, http.register(":.fctx:fuzz-ctx", HostileRequests.AVRO).status());
        assertEquals(201, http.postRaw("/api/v1/schemas", "application/json", "{\"subject\":\"fuzz-v1\","
                + "\"schema_type\":\"json\",\"schema\":" + HostileRequests.JSON + "}").status());
    }

    @AfterContainer
    static void report() throws Exception {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("BadInputFuzzTest: %d requests in %.1f s (%.0f/s; %.1f s sending, the rest generating);"
                + " statuses (-1 = connection reset after an over-long head) %s; %d retried on a new connection%n",
                SENT.get(), seconds, SENT.get() / seconds, IN_PROPERTY_NANOS.get() / 1e9,
                new java.util.TreeMap<>(STATUSES), STALE_CONNECTION_RETRIES.get());
        VIOLATIONS.forEach((kind, example) -> System.out.printf("VIOLATION x%d %s%n    e.g. %s%n",
                VIOLATION_COUNTS.get(kind).get(), kind, example));
        if (admin != null) {
            admin.close();
        }
        if (rawSockets != null) {
            rawSockets.shutdownNow();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Provide
    Arbitrary<List<HostileRequest>> batches() {
        return HostileRequests.any().list().ofSize(BATCH);
    }

    @Property(tries = TRIES, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.BOUNDED,
            afterFailure = AfterFailureMode.SAMPLE_FIRST)
    void hostileRequestsGetJsonClientErrorsAndWriteNothing(@ForAll("batches") List<HostileRequest> batch)
            throws Exception {
        long entered = System.nanoTime();
        long before = logEndOffset();
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (HostileRequest request : batch) {
            IN_FLIGHT.acquire();
            CompletableFuture<String> problem = send(request)
                    .handle((r, e) -> e == null ? check(request, r)
                            : request.exceedsHeaderLimits() ? tolerated("reset after an over-long head")
                            : "no answer: " + e);
            problem.whenComplete((p, e) -> IN_FLIGHT.release());
            answers.add(problem);
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String problem = answers.get(i).get(2, TimeUnit.MINUTES);
            SENT.incrementAndGet();
            if (problem != null) {
                problems.add(problem + "\n    " + batch.get(i));
                record(batch.get(i).route() + " " + problem.replaceAll("\\{.*", ""), problem + " <- " + batch.get(i));
            }
        }
        long after = logEndOffset();
        if (after != before) {
            String message = "the log moved from offset " + before + " to " + after + " during " + batch;
            record("log written", message);
            problems.add(message);
        }
        IN_PROPERTY_NANOS.addAndGet(System.nanoTime() - entered);
        if (!KEEP_GOING && !problems.isEmpty()) {
            throw new AssertionError(problems.size() + " bad answers:\n" + String.join("\n", problems));
        }
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String check(HostileRequest request, Answer answer) {
        STATUSES.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
        int status = answer.status();
        if (status == 503 && answer.retryAfter() != null) {
            return null;
        }
        if (status >= 500 || (status >= 300 && status < 400) || status < 200) {
            return "status " + status + " " + HostileRequest.preview(answer.body(), 300);
        }
        if (status >= 400 && !"HEAD".equals(request.method())) {
            String type = answer.contentType() == null ? "" : answer.contentType();
            if (!type.contains("json")) {
                return "status " + status + " content type '" + type + "' "
                        + HostileRequest.preview(answer.body(), 200);
            }
            try {
                JsonNode body = RegistryHttp.JSON.readTree(answer.body());
                if (body == null || !body.path("error_code").isIntegralNumber() || !body.path("message").isTextual()) {
                    return "status " + status + " body without error_code/message: "
                            + HostileRequest.preview(answer.body(), 200);
                }
            } catch (IOException e) {
                return "status " + status + " body not JSON: " + HostileRequest.preview(answer.body(), 200);
            }
        }
        return null;
    }

    private static String tolerated(String what) {
        STATUSES.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
        return null;
    }

    private static void record(String kind, String example) {
        VIOLATIONS.putIfAbsent(kind, example);
        VIOLATION_COUNTS.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private record Answer(int status, String contentType, String retryAfter, byte[] body) {
    }

    private static CompletableFuture<Answer> send(HostileRequest request) {
        if (request.isRaw()) {
            return CompletableFuture.supplyAsync(() -> sendRaw(request.rawBytes()), rawSockets);
        }
        HttpRequest built;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.baseUri() + request.target()))
                    .timeout(Duration.ofSeconds(60))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(h -> b.header(h.getKey(), h.getValue()));
            built = b.build();
        } catch (IllegalArgumentException unsendable) {
            // java.net.http refuses it (e.g. an empty header value): not a request the server can see
            return CompletableFuture.completedFuture(new Answer(400, "application/json", null,
                    "{\"error_code\":0,\"message\":\"not sent\"}".getBytes(StandardCharsets.UTF_8)));
        }
        return sendHttp(built).exceptionallyCompose(e -> {
            // The server closes the connection after refusing an over-long head, and java.net.http may already
            // have handed that pooled connection to the next request, which then reads nothing. Clients retry such
            // a stale keep-alive connection once, on a new one; a server that really does not answer fails twice.
            if (e.getCause() instanceof IOException) {
                STALE_CONNECTION_RETRIES.incrementAndGet();
                return sendHttp(built);
            }
            return CompletableFuture.failedFuture(e);
        });
    }

    private static CompletableFuture<Answer> sendHttp(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> new Answer(
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                r.headers().firstValue("Retry-After").orElse(null), r.body()));
    }

    /** Writes the bytes on a fresh connection and reads the answer until the server closes it. */
    private static Answer sendRaw(byte[] bytes) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(stack.baseUri().getHost(), stack.baseUri().getPort()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                // no half-close: Netty closes a connection whose input ended without answering; Connection: close
                // makes the server end it after its answer
                out.write(bytes);
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before reading everything (over-long lines): read its answer
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException reset) {
                // a reset after the answer is fine; no answer at all is reported below
            }
            return parse(received.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        Matcher status = STATUS_LINE.matcher(text);
        if (!status.find()) {
            throw new IllegalStateException("no HTTP answer, got " + text.length() + " bytes: "
                    + HostileRequest.preview(text, 200));
        }
        int headerEnd = text.indexOf("\r\n\r\n");
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        String body = headerEnd < 0 ? "" : text.substring(headerEnd + 4);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(status.group(1)), header(head, "content-type"), header(head, "retry-after"),
                body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, Math.min(chunked.length(), eol + 2 + size));
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }

    private static long logEndOffset() throws Exception {
        TopicPartition log = new TopicPartition(stack.logTopic, 0);
        return admin.listOffsets(Map.of(log, OffsetSpec.latest())).all().get(30, TimeUnit.SECONDS).get(log).offset();
    }
}
