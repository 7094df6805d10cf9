package io.registry.api.ops;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.MDC;

/**
 * Gives every request an id ({@link RequestIds}: the caller's {@code X-Request-Id} or a new one), puts it in the
 * logging MDC as {@code request_id} for the request's whole processing (Micronaut propagates the MDC to the
 * threads that continue the request) and answers it in {@code X-Request-Id}. Runs first, so even a request refused
 * by load shedding has one.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestIdFilter implements Ordered {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    private static final String ATTRIBUTE = "registry.request-id";

    private final RequestIds ids = new RequestIds();

    @RequestFilter
    public void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = ids.forRequest(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        MDC.put(MDC_KEY, id);
        try {
            context.add(new MdcPropagationContext());
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @ResponseFilter
    public void answer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.getHeaders().set(HEADER, id));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
