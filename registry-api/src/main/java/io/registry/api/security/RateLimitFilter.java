package io.registry.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.registry.api.http.JsonResponses;
import io.registry.core.command.ErrorCode;

import java.security.Principal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Token buckets (Bucket4j) per principal and route class — reads, writes, validations
 * ({@link RouteAccess.RouteClass}): {@code registry.rate-limit.<class>.per-second} tokens refill each second (or
 * {@code per-minute} each minute) up to {@code registry.rate-limit.<class>.burst}. An empty bucket answers 429 with {@code Retry-After} (whole seconds
 * until a token is back) and Confluent's body ({@code error_code} 42901). Without security every caller is
 * "anonymous" and is told apart by its address. Open paths (health, metrics) are never limited.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "registry.rate-limit.enabled", value = "true")
public class RateLimitFilter implements Ordered {
    private final Map<RouteAccess.RouteClass, Limit> limits = new EnumMap<>(RouteAccess.RouteClass.class);
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final SecuritySettings security;

    /** {@code tokens} come back every {@code period}, up to {@code burst}. */
    record Limit(long tokens, Duration period, long burst) {
        String describe() {
            return tokens + "/" + (period.equals(Duration.ofSeconds(1)) ? "s" : "min") + ", burst " + burst;
        }
    }

    public RateLimitFilter(Environment env, @Nullable SecuritySettings security) {
        this.security = security;
        for (RouteAccess.RouteClass c : RouteAccess.RouteClass.values()) {
            String prefix = "registry.rate-limit." + c.name().toLowerCase(java.util.Locale.ROOT) + ".";
            // per-minute (slow limits) wins over per-second
            long perMinute = env.getProperty(prefix + "per-minute", Long.class).orElse(0L);
            long perSecond = env.getProperty(prefix + "per-second", Long.class).orElse(defaultRate(c));
            Limit limit = perMinute > 0 ? new Limit(perMinute, Duration.ofMinutes(1),
                    env.getProperty(prefix + "burst", Long.class).orElse(perMinute))
                    : new Limit(perSecond, Duration.ofSeconds(1),
                    env.getProperty(prefix + "burst", Long.class).orElse(perSecond));
            if (limit.tokens() > 0) {
                limits.put(c, new Limit(limit.tokens(), limit.period(), Math.max(1, limit.burst())));
            }
        }
    }

    private static long defaultRate(RouteAccess.RouteClass c) {
        return switch (c) {
            case READS -> 1000;
            case WRITES -> 50;
            case VALIDATIONS -> 200;
        };
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        if (security != null && security.isOpen(request.getPath())) {
            return null;
        }
        RouteAccess.Rule rule = Routes.rule(request);
        if (rule == null) {
            return null;
        }
        Limit limit = limits.get(rule.routeClass());
        if (limit == null) {
            return null;
        }
        String who = request.getUserPrincipal(Principal.class).map(Principal::getName)
                .orElseGet(() -> "anonymous@" + request.getRemoteAddress().getAddress().getHostAddress());
        Bucket bucket = buckets.get(who + "|" + rule.routeClass(), k -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.tokens(), limit.period()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return JsonResponses.error(ErrorCode.TOO_MANY_REQUESTS, "Rate limit exceeded for "
                + rule.routeClass().name().toLowerCase(java.util.Locale.ROOT) + " (" + limit.describe()
                + "); retry after " + retryAfter + " s")
                .header("Retry-After", Long.toString(retryAfter));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 5; // after authentication (per principal), before access checks
    }
}
