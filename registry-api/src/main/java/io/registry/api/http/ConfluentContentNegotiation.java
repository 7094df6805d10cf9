package io.registry.api.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.registry.core.command.ErrorCode;

import java.util.Optional;

/**
 * Applies {@link ConfluentMediaTypes} to the Confluent API: a request whose {@code Content-Type} Confluent would
 * not consume is answered 415 on every method (the controllers themselves accept any type, so a DELETE or GET
 * carrying Confluent's own content type is never refused), an {@code Accept} nothing satisfies is answered 406,
 * and an answer written as {@code v1+json} is relabelled with the negotiated type. {@code /api/v1} and the
 * operations routes ({@code /health}, {@code /metrics}) negotiate for themselves.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ConfluentContentNegotiation implements Ordered {
    private static final String NEGOTIATED = "registry.negotiated-type";

    @RequestFilter
    @Nullable
    public HttpResponse<?> negotiate(HttpRequest<?> request) {
        if (!isConfluentRoute(request.getPath())) {
            return null;
        }
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (!ConfluentMediaTypes.consumes(contentType)) {
            return JsonResponses.error(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "HTTP 415 Unsupported Media Type");
        }
        Optional<String> type = ConfluentMediaTypes.negotiate(request.getHeaders().get(HttpHeaders.ACCEPT));
        if (type.isEmpty()) {
            return JsonResponses.error(406, 406, "HTTP 406 Not Acceptable");
        }
        if (!type.get().equals(RegistryMediaTypes.V1_JSON)) {
            request.setAttribute(NEGOTIATED, type.get());
        }
        return null;
    }

    @ResponseFilter
    public void relabel(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<String> negotiated = request.getAttribute(NEGOTIATED, String.class);
        if (negotiated.isPresent() && response.getContentType().map(JsonResponses.V1_JSON::equals).orElse(false)) {
            response.contentType(MediaType.of(negotiated.get()));
        }
    }

    static boolean isConfluentRoute(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/health") || path.equals("/metrics")
                || path.startsWith("/metrics/") || path.startsWith("/perf/"));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2000; // right after load shedding, before any read-model work
    }
}
