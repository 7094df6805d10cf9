package io.registry.readmodel.availability;

import jakarta.inject.Singleton;

import java.util.List;

/** The circuit breakers of this node's read-model stores, one per store, shared by every caller. */
@Singleton
public class StoreGuards {
    public static final String REDIS = "redis";
    public static final String POSTGRES = "postgres";

    private final StoreGuard redis;
    private final StoreGuard postgres;

    public StoreGuards(CircuitBreakerSettings settings) {
        this.redis = new StoreGuard(REDIS, settings);
        this.postgres = new StoreGuard(POSTGRES, settings);
    }

    public StoreGuard redis() {
        return redis;
    }

    public StoreGuard postgres() {
        return postgres;
    }

    /** Every guard, Redis first (the order reads try them). */
    public List<StoreGuard> all() {
        return List.of(redis, postgres);
    }

    /** The guard of the store named {@code name} (a projection's name is its store's), or null. */
    public StoreGuard of(String name) {
        return switch (name) {
            case REDIS -> redis;
            case POSTGRES -> postgres;
            default -> null;
        };
    }
}
