package io.registry.api.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.registry.core.command.ErrorCode;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load shedding: at most {@code registry.api.max-in-flight} requests (default 128) are inside the application at
 * once; beyond that a request is answered at once with 503 (error code 50301) and {@code Retry-After: 1}, before
 * any read-model or Kafka work, so overload turns into fast, explicit refusals rather than unbounded queues,
 * timeouts or wrong answers. {@code 0} disables it. Runs before every other filter.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class LoadSheddingFilter implements Ordered {
    private static final String COUNTED = "registry.in-flight";

    private final AtomicInteger inFlight = new AtomicInteger();
    /** Requests refused with 503 (this filter answers before Micronaut's HTTP metrics filter sees them). */
    private final java.util.concurrent.atomic.LongAdder shed = new java.util.concurrent.atomic.LongAdder();
    private final int maxInFlight;

    public LoadSheddingFilter(@Value("${registry.api.max-in-flight:128}") int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> admit(HttpRequest<?> request) {
        if (maxInFlight <= 0) {
            return null;
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            shed.increment();
            return JsonResponses.error(ErrorCode.UNAVAILABLE, "Too many requests in flight on this node ("
                    + maxInFlight + "); retry later").header("Retry-After", "1");
        }
        request.setAttribute(COUNTED, Boolean.TRUE);
        return null;
    }

    @ResponseFilter
    public void release(HttpRequest<?> request) {
        if (request.getAttribute(COUNTED).isPresent()) {
            request.removeAttribute(COUNTED, Boolean.class);
            inFlight.decrementAndGet();
        }
    }

    /** Requests admitted and not yet answered. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Requests refused so far (for metrics). */
    public long shed() {
        return shed.sum();
    }

    /** The configured bound (0: off). */
    public int maxInFlight() {
        return maxInFlight;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1000;
    }
}
