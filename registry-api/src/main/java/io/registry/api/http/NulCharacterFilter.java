package io.registry.api.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.registry.core.command.ErrorCode;

import java.util.Locale;

/**
 * Refuses a request whose target carries a NUL character ({@code %00}) in its path or query with 400: no subject,
 * context or parameter the registry stores can contain one (writes refuse control characters, and Postgres text
 * cannot hold NUL at all: a read that reached it would fail as a 500, which fuzzing found).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class NulCharacterFilter implements Ordered {

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseNul(HttpRequest<?> request) {
        String target = request.getUri().toString();
        if (target.indexOf('\u0000') >= 0 || target.toLowerCase(Locale.ROOT).contains("%00")) {
            return JsonResponses.error(ErrorCode.BAD_REQUEST, "Invalid request: the URL contains a NUL character");
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1500; // after load shedding, before any read-model work
    }
}
