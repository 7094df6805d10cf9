package io.registry.api.ops;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code registry.metrics.*}: how the inventory gauges are computed. */
@ConfigurationProperties("registry.metrics")
public class InventorySettings {
    private Duration inventoryMaxAge = Duration.ofSeconds(30);

    /** How long one count of the read model serves the inventory gauges (each count reads every row once). */
    public Duration getInventoryMaxAge() {
        return inventoryMaxAge;
    }

    public void setInventoryMaxAge(Duration inventoryMaxAge) {
        this.inventoryMaxAge = inventoryMaxAge;
    }
}
