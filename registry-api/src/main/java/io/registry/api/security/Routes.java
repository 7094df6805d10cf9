package io.registry.api.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;
import io.micronaut.http.HttpAttributes;

import java.util.HashMap;
import java.util.Map;

/** The {@link RouteAccess} rule of the route a request matched (null when it matched none). */
final class Routes {
    private static final String RULE = "registry.route-rule";

    private Routes() {
    }

    @SuppressWarnings("rawtypes")
    static RouteAccess.Rule rule(HttpRequest<?> request) {
        var known = request.getAttribute(RULE, RouteAccess.Rule.class);
        if (known.isPresent()) {
            return known.get();
        }
        RouteMatch match = request.getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class).orElse(null);
        if (!(match instanceof UriRouteMatch uriMatch)) {
            return null;
        }
        Map<String, String> variables = new HashMap<>();
        uriMatch.getVariableValues().forEach((k, v) -> variables.put(String.valueOf(k), v == null ? null : v.toString()));
        String template = uriMatch.getRouteInfo().getUriMatchTemplate().toPathString();
        RouteAccess.Rule rule = RouteAccess.of(request.getMethodName(), template, variables,
                request.getParameters().get("subject"));
        request.setAttribute(RULE, rule);
        return rule;
    }
}
