package io.registry.readmodel.availability;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code registry.stores.circuit-breaker.*}: when a read-model store is taken for down, and how soon it is tried
 * again. The defaults open a store's circuit at its first outage failure (one failed call in the last two), so a
 * dead store costs one timeout, not one per request; after {@code open-for} one trial call (half-open) decides
 * whether it is back.
 */
@ConfigurationProperties("registry.stores.circuit-breaker")
public class CircuitBreakerSettings {
    private int slidingWindowSize = 2;
    private int minimumNumberOfCalls = 1;
    private float failureRateThreshold = 50;
    private Duration openFor = Duration.ofSeconds(2);

    public int getSlidingWindowSize() {
        return slidingWindowSize;
    }

    public void setSlidingWindowSize(int slidingWindowSize) {
        this.slidingWindowSize = slidingWindowSize;
    }

    public int getMinimumNumberOfCalls() {
        return minimumNumberOfCalls;
    }

    public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
        this.minimumNumberOfCalls = minimumNumberOfCalls;
    }

    public float getFailureRateThreshold() {
        return failureRateThreshold;
    }

    public void setFailureRateThreshold(float failureRateThreshold) {
        this.failureRateThreshold = failureRateThreshold;
    }

    public Duration getOpenFor() {
        return openFor;
    }

    public void setOpenFor(Duration openFor) {
        this.openFor = openFor;
    }
}
