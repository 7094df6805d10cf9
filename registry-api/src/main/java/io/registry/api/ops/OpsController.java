package io.registry.api.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
import io.registry.api.http.JsonResponses;
import io.registry.api.region.ReplicaLag;
import io.registry.readmodel.Checkpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Liveness ({@code GET /health}: the process answers, whatever its stores do), readiness ({@code GET /health/ready}:
 * Kafka reachable, both stores answering and every projection within {@code registry.health.max-projection-lag} of
 * the log's end, each reported in the body; bounded by the probe's timeouts, see {@link ProjectionLag}) and
 * Prometheus metrics ({@code GET /metrics}). With {@code registry.redis.enabled=false} Redis is reported as
 * {@code "DISABLED"} (projection and store), which does not make the node unready.
 */
@Controller
@Produces({MediaType.APPLICATION_JSON, "*/*"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class OpsController {
    private final ProjectionLag lag;
    private final OpsSettings settings;
    private final PrometheusMeterRegistry prometheus;
    private final ReplicaLag replica;
    private final boolean redisEnabled;

    public OpsController(ProjectionLag lag, OpsSettings settings, PrometheusMeterRegistry prometheus,
                         @Nullable ReplicaLag replica,
                         @Value("${registry.redis.enabled:true}") boolean redisEnabled) {
        this.replica = replica;
        this.lag = lag;
        this.redisEnabled = redisEnabled;
        this.settings = settings;
        this.prometheus = prometheus;
    }

    @Get("/health")
    public HttpResponse<byte[]> live() {
        return HttpResponse.ok(JsonResponses.bytes(Map.of("status", "UP"))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get("/health/ready")
    public HttpResponse<byte[]> ready() {
        ProjectionLag.Probe probe = lag.probe();
        boolean up = probe.ready(settings.getMaxProjectionLag());
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put("status", probe.kafkaError() == null ? "UP" : "DOWN");
        kafka.put("log_end_offset", probe.endOffset());
        if (probe.kafkaError() != null) {
            kafka.put("error", probe.kafkaError());
        }
        Map<String, Object> projections = new LinkedHashMap<>();
        for (Map.Entry<String, Checkpoint> e : probe.checkpoints().entrySet()) {
            long l = probe.lag(e.getKey());
            boolean ok = probe.caughtUp(e.getKey(), settings.getMaxProjectionLag());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("status", ok ? "UP" : "DOWN");
            p.put("next_offset", e.getValue().nextOffset());
            p.put("applied_seq", e.getValue().seq());
            p.put("lag_offsets", l);
            p.put("lag_seconds", probe.lagSeconds(e.getKey()));
            p.put("max_lag_offsets", settings.getMaxProjectionLag());
            projections.put(e.getKey(), p);
        }
        for (Map.Entry<String, String> e : probe.projectionErrors().entrySet()) {
            projections.put(e.getKey(), Map.of("status", "DOWN", "error", e.getValue()));
        }
        // Each read-model store by name: DOWN when its projection's checkpoint could not be read (or its circuit
        // is open), with the circuit breaker's state.
        Map<String, Object> stores = new LinkedHashMap<>();
        probe.circuits().forEach((store, circuit) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            boolean reachable = !probe.projectionErrors().containsKey(store);
            s.put("status", reachable ? "UP" : "DOWN");
            s.put("circuit", circuit);
            stores.put(store, s);
        });
        Map<String, Object> region = null;
        if (replica != null) {
            // A replica answers reads while its primary is unreachable; it is unready only beyond its staleness bound.
            ReplicaLag.State s = replica.state();
            boolean fresh = !replica.stale();
            up &= fresh;
            region = new LinkedHashMap<>();
            region.put("status", fresh ? "UP" : "DOWN");
            region.put("role", "replica");
            region.put("primary_reachable", s.primaryReachable());
            region.put("primary_seq", s.primarySeq());
            region.put("applied_seq", s.appliedSeq());
            region.put("lag_sequences", s.sequencesBehind());
            region.put("lag_seconds", s.secondsBehind());
            if (s.error() != null) {
                region.put("error", s.error());
            }
        }
        if (!redisEnabled) {
            Map<String, Object> disabled = Map.of("status", "DISABLED", "reason", "registry.redis.enabled=false");
            projections.put("redis", disabled);
            stores.put("redis", disabled);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("kafka", kafka);
        body.put("stores", stores);
        body.put("projections", projections);
        if (region != null) {
            body.put("region", region);
        }
        return HttpResponse.<byte[]>status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(JsonResponses.bytes(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get("/metrics")
    @Produces({"text/plain; version=0.0.4; charset=utf-8", "*/*"})
    public HttpResponse<String> metrics() {
        return HttpResponse.ok(prometheus.scrape()).contentType("text/plain; version=0.0.4; charset=utf-8");
    }
}
