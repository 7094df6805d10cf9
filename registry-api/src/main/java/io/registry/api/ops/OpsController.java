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
import io.registry.api.http.JsonResponses;
import io.registry.readmodel.Checkpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Liveness ({@code GET /health}), readiness ({@code GET /health/ready}: Kafka reachable and every projection
 * within {@code registry.health.max-projection-lag} of the log's end, each reported in the body) and Prometheus
 * metrics ({@code GET /metrics}). With {@code registry.redis.enabled=false} the Redis projection is reported as
 * {@code "DISABLED"}, which does not make the node unready.
 */
@Controller
@Produces({MediaType.APPLICATION_JSON, "*/*"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class OpsController {
    private final ProjectionLag lag;
    private final OpsSettings settings;
    private final PrometheusMeterRegistry prometheus;
    private final boolean redisEnabled;

    public OpsController(ProjectionLag lag, OpsSettings settings, PrometheusMeterRegistry prometheus,
                         @Value("${registry.redis.enabled:true}") boolean redisEnabled) {
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
        boolean up = probe.kafkaError() == null;
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put("status", probe.kafkaError() == null ? "UP" : "DOWN");
        kafka.put("log_end_offset", probe.endOffset());
        if (probe.kafkaError() != null) {
            kafka.put("error", probe.kafkaError());
        }
        Map<String, Object> projections = new LinkedHashMap<>();
        for (Map.Entry<String, Checkpoint> e : probe.checkpoints().entrySet()) {
            long l = probe.lag(e.getKey());
            boolean ok = l >= 0 && l <= settings.getMaxProjectionLag();
            up &= ok;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("status", ok ? "UP" : "DOWN");
            p.put("next_offset", e.getValue().nextOffset());
            p.put("applied_seq", e.getValue().seq());
            p.put("lag_offsets", l);
            p.put("max_lag_offsets", settings.getMaxProjectionLag());
            projections.put(e.getKey(), p);
        }
        for (Map.Entry<String, String> e : probe.projectionErrors().entrySet()) {
            up = false;
            projections.put(e.getKey(), Map.of("status", "DOWN", "error", e.getValue()));
        }
        if (!redisEnabled) {
            projections.put("redis", Map.of("status", "DISABLED", "reason", "registry.redis.enabled=false"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("kafka", kafka);
        body.put("projections", projections);
        return HttpResponse.<byte[]>status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(JsonResponses.bytes(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get("/metrics")
    @Produces({"text/plain; version=0.0.4; charset=utf-8", "*/*"})
    public HttpResponse<String> metrics() {
        return HttpResponse.ok(prometheus.scrape()).contentType("text/plain; version=0.0.4; charset=utf-8");
    }
}
