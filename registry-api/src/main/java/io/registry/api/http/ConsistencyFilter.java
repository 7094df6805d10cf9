package io.registry.api.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import io.registry.api.read.ProjectionWatermark;
import io.registry.core.command.ErrorCode;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sequence-aware reads. {@code X-Registry-Min-Seq: n} holds a request until this region's projections have
 * applied {@code n} (bounded; 503 with Retry-After otherwise, never a stale answer passed off as fresh), and every
 * response carries {@code X-Registry-Seq}: a lower bound of the log sequence its data reflects.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ConsistencyFilter {
    public static final String MIN_SEQ = "X-Registry-Min-Seq";
    public static final String SEQ = "X-Registry-Seq";
    private static final String SEQ_AT_START = "registry.seq-at-start";

    private final ProjectionWatermark watermark;
    private final Duration maxWait;

    public ConsistencyFilter(ProjectionWatermark watermark, RegistryApiSettings settings) {
        this.watermark = watermark;
        this.maxWait = settings.projectionTimeout();
    }

    /**
     * Holds the request until the projections reach {@code X-Registry-Min-Seq}. Written with an explicit
     * continuation: a request filter whose deferred result is "no response" is answered 503 by Micronaut.
     */
    @RequestFilter
    public Publisher<MutableHttpResponse<?>> awaitMinSeq(HttpRequest<?> request,
                                                        FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        request.setAttribute(SEQ_AT_START, watermark.applied());
        String header = request.getHeaders().get(MIN_SEQ);
        if (header == null) {
            return next.proceed();
        }
        long minSeq;
        try {
            minSeq = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Mono.just(JsonResponses.error(ErrorCode.BAD_REQUEST, MIN_SEQ + " must be a number"));
        }
        if (watermark.applied() >= minSeq) {
            return next.proceed();
        }
        // The stores that are up must have got there (a store that is down serves nothing)
        CompletableFuture<Boolean> reached = watermark.await(minSeq, maxWait).handle((visibility, error) -> {
            if (error != null || visibility.seq() < minSeq) {
                return false;
            }
            request.setAttribute(SEQ_AT_START, visibility.seq());
            return true;
        });
        return Mono.fromFuture(reached).flatMap(ok -> ok
                ? Mono.from(next.proceed())
                : Mono.just(JsonResponses.error(ErrorCode.UNAVAILABLE, "Projections have not reached sequence "
                        + minSeq + " within " + maxWait.toMillis() + " ms").header("Retry-After", "1")));
    }

    @ResponseFilter
    public void addSeq(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains(SEQ)) {
            request.getAttribute(SEQ_AT_START, Long.class)
                    .ifPresent(seq -> response.header(SEQ, Long.toString(seq)));
        }
    }
}
