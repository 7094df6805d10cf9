package io.registry.readmodel.availability;

/**
 * A read-model store (Redis or Postgres) did not answer: its circuit is open, or the call failed on a connection
 * problem or a timeout. Never "not found": callers fall back to another tier or answer 503, never 404.
 */
public class StoreUnavailableException extends RuntimeException {
    private final String store;

    public StoreUnavailableException(String store, String reason, Throwable cause) {
        super(store + " is unavailable: " + reason, cause);
        this.store = store;
    }

    /** The store that did not answer ("redis", "postgres"), or several joined by "+" when every tier failed. */
    public String store() {
        return store;
    }
}
