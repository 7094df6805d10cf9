package io.registry.api.region;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.registry.api.http.JsonResponses;
import io.registry.core.command.ErrorCode;
import io.registry.kafka.config.RegionSettings;

/**
 * In a replica region, a read answered from data older than {@code registry.region.max-staleness} says so
 * ({@code X-Registry-Stale: <seconds behind>}), or, with {@code registry.region.refuse-stale-reads=true}, is refused
 * with 503 and {@code Retry-After} instead. Health and metrics are never refused: they are how operators see it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "registry.region.role", value = "replica")
public class ReplicaStalenessFilter implements Ordered {
    public static final String HEADER = "X-Registry-Stale";

    private final ReplicaLag lag;
    private final RegionSettings region;

    public ReplicaStalenessFilter(ReplicaLag lag, RegionSettings region) {
        this.lag = lag;
        this.region = region;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuse(HttpRequest<?> request) {
        if (region.refuseStaleReads() && request.getMethod() == HttpMethod.GET && !isOps(request.getPath())
                && lag.stale()) {
            return JsonResponses.error(ErrorCode.UNAVAILABLE, "This replica region is "
                    + seconds() + " s behind its primary (bound " + region.maxStaleness().toSeconds()
                    + " s); retry later or read from the primary region").header("Retry-After", "1")
                    .header(HEADER, seconds());
        }
        return null;
    }

    @ResponseFilter
    public void mark(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (lag.stale()) {
            response.header(HEADER, seconds());
        }
    }

    private String seconds() {
        return Long.toString((long) Math.ceil(lag.state().secondsBehind()));
    }

    private static boolean isOps(String path) {
        return path.startsWith("/health") || path.startsWith("/metrics");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3000;
    }
}
