package io.registry.api.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.registry.api.http.LoadSheddingFilter;
import jakarta.inject.Singleton;

/**
 * {@code registry_http_shed_total} (requests refused with 503/50301 because too many were in flight; the shedding
 * filter answers before Micronaut's {@code http_server_requests} filter, so they appear only here),
 * {@code registry_http_in_flight} and {@code registry_http_max_in_flight}.
 */
@Singleton
public final class LoadSheddingMetrics implements MeterBinder {
    private final BeanProvider<LoadSheddingFilter> filter;

    public LoadSheddingMetrics(BeanProvider<LoadSheddingFilter> filter) {
        this.filter = filter;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        FunctionCounter.builder("registry.http.shed", this, m -> m.filter.get().shed())
                .description("requests refused with 503 (load shedding)").register(meters);
        Gauge.builder("registry.http.in.flight", this, m -> m.filter.get().inFlight())
                .description("requests inside this node now").register(meters);
        Gauge.builder("registry.http.max.in.flight", this, m -> m.filter.get().maxInFlight())
                .description("registry.api.max-in-flight (0: no shedding)").register(meters);
    }
}
