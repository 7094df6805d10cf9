package io.registry.readmodel.availability;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One read-model store's circuit breaker (resilience4j): every read of that store on a request's path goes through
 * it. While the store is taken for down (circuit open) calls fail at once with {@link StoreUnavailableException}
 * instead of each waiting for its own timeout; after {@code open-for}, one trial call (half-open) finds out whether
 * the store is back. Only outages ({@link Outages}) count as failures; the timeouts that bound each call are the
 * store clients' own (Lettuce's command timeout, Hikari's connection timeout, Postgres' statement timeout).
 */
public final class StoreGuard {
    private static final Logger LOG = LoggerFactory.getLogger(StoreGuard.class);

    private final String store;
    private final CircuitBreaker breaker;
    private final Duration openFor;

    public StoreGuard(String store, CircuitBreakerSettings settings) {
        this.store = store;
        this.openFor = settings.getOpenFor();
        this.breaker = CircuitBreaker.of(store, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.getSlidingWindowSize())
                .minimumNumberOfCalls(settings.getMinimumNumberOfCalls())
                .failureRateThreshold(settings.getFailureRateThreshold())
                .waitDurationInOpenState(settings.getOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(Outages::isOutage)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.StateTransition transition = event.getStateTransition();
            switch (transition.getToState()) {
                // a failed trial call (HALF_OPEN -> OPEN) is the same outage: not logged again
                case OPEN -> {
                    if (transition.getFromState() == CircuitBreaker.State.CLOSED) {
                        LOG.warn("{} is down: its reads fail at once, with a trial call every {} ms", store,
                                openFor.toMillis());
                    }
                }
                case CLOSED -> LOG.info("{} is back", store);
                default -> LOG.debug("{} circuit: {}", store, event.getStateTransition());
            }
        });
    }

    /** A guard that never opens, for a read model used outside an application (tests, tools). */
    public static StoreGuard unguarded(String store) {
        StoreGuard guard = new StoreGuard(store, new CircuitBreakerSettings());
        guard.breaker.transitionToDisabledState(); // always permits, records nothing
        return guard;
    }

    public String store() {
        return store;
    }

    /** False while the circuit is open: calls would fail at once. */
    public boolean available() {
        CircuitBreaker.State state = breaker.getState();
        return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }

    /** CLOSED, OPEN or HALF_OPEN, for health reports. */
    public String state() {
        return breaker.getState().name();
    }

    /** How long an open circuit waits before its trial call: what a 503's {@code Retry-After} tells clients. */
    public Duration openFor() {
        return openFor;
    }

    /**
     * Runs one call to the store. @throws StoreUnavailableException when the circuit is open or the call failed
     * on an outage; any other exception passes through unchanged (and does not count against the store)
     */
    public <T> T call(Supplier<T> call) {
        if (!breaker.tryAcquirePermission()) {
            throw open();
        }
        long start = System.nanoTime();
        try {
            T result = call.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw Outages.isOutage(e) ? unavailable(e) : e;
        } catch (Error e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    /** {@link #call} for an asynchronous call: fails at once when open; the outcome is recorded when it completes. */
    public <T> CompletionStage<T> callAsync(Supplier<? extends CompletionStage<T>> call) {
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(open());
        }
        long start = System.nanoTime();
        CompletionStage<T> stage;
        try {
            stage = call.get();
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            return CompletableFuture.failedFuture(Outages.isOutage(e) ? unavailable(e) : e);
        }
        CompletableFuture<T> outcome = new CompletableFuture<>();
        stage.whenComplete((value, error) -> {
            long took = System.nanoTime() - start;
            if (error == null) {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                outcome.complete(value);
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                breaker.onError(took, TimeUnit.NANOSECONDS, cause);
                outcome.completeExceptionally(Outages.isOutage(cause) ? unavailable(cause) : cause);
            }
        });
        return outcome;
    }

    private StoreUnavailableException open() {
        return new StoreUnavailableException(store, "circuit open after recent failures (next try within "
                + openFor.toMillis() + " ms)", null);
    }

    private StoreUnavailableException unavailable(Throwable cause) {
        if (cause instanceof StoreUnavailableException already) {
            return already;
        }
        return new StoreUnavailableException(store, cause.toString(), cause);
    }
}
