package io.registry.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus (the Debian {@code prometheus} binary, on a private port with a temporary data directory and a
 * configuration written here) scrapes a full stack's {@code /metrics} every two seconds with the alert rules of
 * {@code deploy/prometheus/rules}; its HTTP API must then show the registry's series and every rule group loaded
 * and evaluated without error. Skipped, saying so, only when the binary is not installed ({@code .ci/run}
 * installs it).
 */
class PrometheusScrapeTest extends FullStackTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Process prometheus;
    private static Path workDir;
    private static URI api;

    private static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "prometheus");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/bin/prometheus");
        return Files.isExecutable(debian) ? debian : null;
    }

    private static Path rulesDir() {
        Path fromModule = Path.of("..", "deploy", "prometheus", "rules");
        return (Files.isDirectory(fromModule) ? fromModule : Path.of("deploy", "prometheus", "rules")).toAbsolutePath().normalize();
    }

    @BeforeAll
    static void startPrometheus() throws Exception {
        Path binary = binary();
        assumeTrue(binary != null, "SKIPPED: no prometheus binary on PATH or at /usr/bin/prometheus "
                + "(apt-get install prometheus; .ci/run installs it)");
        workDir = Files.createTempDirectory("registry-prometheus-");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI target = stack.baseUri();
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 2s
                  scrape_timeout: 2s
                  evaluation_interval: 1s
                rule_files:
                  - %s/*.yml
                scrape_configs:
                  - job_name: registry
                    metrics_path: /metrics
                    static_configs:
                      - targets: ['%s:%d']
                """.formatted(rulesDir(), target.getHost(), target.getPort()));
        prometheus = new ProcessBuilder(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("prometheus.log").toFile())
                .start();
        api = URI.create("http://127.0.0.1:" + port);
        awaitTrue("Prometheus ready", () -> get("/-/ready").statusCode() == 200);
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor();
            }
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void scrapesTheRegistryAndLoadsTheAlertRules() throws Exception {
        String subject = subject("prom");
        int id = http.register(subject, avroRecord("Prom", field("a", "string"))).body().path("id").asInt();
        assertEquals(200, http.get("/schemas/ids/" + id).status());
        assertEquals(200, http.get("/subjects/" + subject + "/versions/latest").status());

        JsonNode up = awaitQuery("up{job=\"registry\"} == 1", r -> r.size() == 1);
        assertEquals("registry", up.get(0).at("/metric/job").asText());
        assertEquals(2, awaitQuery("registry_projection_lag_offsets{job=\"registry\"}", r -> r.size() == 2).size());
        awaitQuery("registry_projection_lag_seconds{job=\"registry\"}", r -> r.size() == 2);
        awaitQuery("registry_sequencer_outcomes_total{outcome=\"registered\",error_code=\"none\"} >= 1", r -> r.size() == 1);
        awaitQuery("registry_inventory_schemas{type=\"AVRO\"} >= 1", r -> r.size() == 1);
        awaitQuery("registry_ready == 1", r -> r.size() == 1);
        awaitQuery("registry_cache_gets_total{cache=\"schema_by_id\"}", r -> r.size() == 2);
        awaitQuery("sum by (le) (http_server_requests_seconds_bucket{uri=\"/schemas/ids/{id}\"})", r -> r.size() > 5);
        awaitQuery("{__name__=~\"kafka_producer_.+\", job=\"registry\"}", r -> r.size() > 0);
        awaitQuery("jvm_memory_used_bytes{area=\"heap\"}", r -> r.size() > 0);

        Set<String> expected = Set.of("registry-availability", "registry-projections", "registry-writes",
                "registry-http", "registry-jvm");
        JsonNode groups = awaitTrue("every rule group loaded and evaluated", () -> {
            JsonNode g = json("/api/v1/rules").at("/data/groups");
            Set<String> names = new TreeSet<>();
            g.forEach(group -> names.add(group.path("name").asText()));
            return names.containsAll(expected) && allRules(g, rule -> "ok".equals(rule.path("health").asText()));
        }, () -> json("/api/v1/rules").at("/data/groups"));
        List<String> alerts = new ArrayList<>();
        groups.forEach(g -> g.path("rules").forEach(r -> alerts.add(r.path("name").asText())));
        assertTrue(alerts.containsAll(List.of("RegistryDown", "RegistryNotReady", "RegistryProjectionLagSeconds",
                "RegistryWriteErrors", "RegistryHigh5xxRate", "RegistryJvmHeapHigh")), alerts.toString());
        // a healthy stack: nothing firing (on this busy 2-core machine a scrape may time out now and then, which
        // makes RegistryDown pending for a moment; every rule waits at least a minute before firing)
        assertTrue(allRules(groups, rule -> !"firing".equals(rule.path("state").asText())), groups.toString());
        assertFalse(json("/api/v1/targets").at("/data/activeTargets").isEmpty());
    }

    /**
     * Every query of the Grafana dashboard parses, and every metric it or an alert rule names is one this stack
     * exposes (a renamed metric would otherwise leave an empty panel or an alert that can never fire).
     */
    @Test
    void dashboardQueriesAndRuleMetricsExist() throws Exception {
        http.register(subject("prom-dash"), avroRecord("Dash", field("a", "string")));
        // The stack runs in this JVM: a JVM that has not collected yet exposes no jvm_gc_pause series at all, which
        // the dashboard names; collect once so its existence does not depend on the heap's mood.
        System.gc();
        awaitQuery("registry_sequencer_outcomes_total", r -> r.size() > 0);
        Path deploy = rulesDir().getParent().getParent();
        JsonNode dashboard = RegistryHttp.JSON.readTree(deploy.resolve("grafana/dashboards/registry.json").toFile());
        List<String> exprs = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        assertTrue(exprs.size() > 20, exprs.toString());
        Set<String> names = new TreeSet<>();
        for (String expr : exprs) {
            String promql = expr.replace("$__rate_interval", "1m").replace("$job", "registry.*").replace("$instance", ".*");
            JsonNode answer = json("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
            assertEquals("success", answer.path("status").asText(), promql);
            names.addAll(metricNames(expr));
        }
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        try (Stream<Path> files = Files.list(rulesDir())) {
            for (Path file : files.toList()) {
                yaml.readTree(file.toFile()).path("groups").forEach(g -> g.path("rules")
                        .forEach(r -> names.addAll(metricNames(r.path("expr").asText()))));
            }
        }
        assertTrue(names.contains("registry_projection_lag_seconds") && names.contains("kafka_producer_record_error_total"),
                names.toString());
        for (String name : names) {
            awaitQuery("count({__name__=\"" + name + "\", job=\"registry\"})", r -> r.size() == 1);
        }
    }

    private static final java.util.regex.Pattern METRIC = java.util.regex.Pattern.compile(
            "\\b((?:registry|http_server_requests|jvm|process|kafka)_[a-z0-9_]+|up)\\b");

    private static Set<String> metricNames(String expr) {
        Set<String> names = new TreeSet<>();
        java.util.regex.Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static boolean allRules(JsonNode groups, Predicate<JsonNode> check) {
        for (JsonNode g : groups) {
            for (JsonNode rule : g.path("rules")) {
                if (!check.test(rule)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The instant query's result vector once {@code done} accepts it (Prometheus scrapes every two seconds). */
    private static JsonNode awaitQuery(String promql, Predicate<JsonNode> done) throws Exception {
        String path = "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
        return awaitTrue(promql, () -> done.test(json(path).at("/data/result")), () -> json(path).at("/data/result"));
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private interface Fetch {
        JsonNode get() throws Exception;
    }

    private static void awaitTrue(String what, Check check) throws Exception {
        awaitTrue(what, check, () -> null);
    }

    private static JsonNode awaitTrue(String what, Check check, Fetch result) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.ok()) {
                    return result.get();
                }
            } catch (IOException e) {
                last = e;
            }
            if (!prometheus.isAlive()) {
                throw new AssertionError("prometheus exited: " + Files.readString(workDir.resolve("prometheus.log")));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Waited " + PATIENCE + " for: " + what + "; last answer: " + safely(result)
                + "\nprometheus log:\n" + Files.readString(workDir.resolve("prometheus.log")), last);
    }

    private static String safely(Fetch result) {
        try {
            return String.valueOf(result.get());
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), r.body());
        return RegistryHttp.JSON.readTree(r.body());
    }
}
