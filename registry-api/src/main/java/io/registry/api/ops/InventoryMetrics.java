package io.registry.api.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.registry.core.schema.SchemaType;
import io.registry.readmodel.postgres.PostgresInventory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the registry holds: {@code registry_inventory_subjects{state="live"|"deleted"}},
 * {@code registry_inventory_versions{state}} and {@code registry_inventory_schemas{type}}, from the Postgres
 * projection. Counting reads every row, so one count serves every gauge and every scrape for
 * {@code registry.metrics.inventory-max-age} (30 s); it runs on the scrape's thread, never on a request's. A failed
 * count keeps the last values (NaN before the first success) and is not retried before the next period.
 */
@Singleton
public final class InventoryMetrics implements MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(InventoryMetrics.class);

    private final BeanProvider<PostgresInventory> inventory;
    private final long maxAgeNanos;
    private PostgresInventory.Counts counts;
    private long countedAt;
    private boolean counted;

    public InventoryMetrics(BeanProvider<PostgresInventory> inventory, InventorySettings settings) {
        this.inventory = inventory;
        this.maxAgeNanos = settings.getInventoryMaxAge().toNanos();
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (String state : new String[] {"live", "deleted"}) {
            gauge(meters, "registry.inventory.subjects", "state", state, "subjects", "subjects in the read model");
            gauge(meters, "registry.inventory.versions", "state", state, "versions", "subject versions in the read model");
        }
        for (SchemaType type : SchemaType.values()) {
            gauge(meters, "registry.inventory.schemas", "type", type.name(), "schemas",
                    "schemas (distinct ids, every context) in the read model");
        }
    }

    private void gauge(MeterRegistry meters, String name, String tag, String value, String kind, String description) {
        Gauge.builder(name, this, m -> m.value(kind, value)).tag(tag, value).description(description).register(meters);
    }

    private synchronized double value(String kind, String key) {
        if (!counted || System.nanoTime() - countedAt > maxAgeNanos) {
            countedAt = System.nanoTime();
            counted = true;
            try {
                counts = inventory.get().count();
            } catch (RuntimeException e) {
                LOG.warn("Counting the read model for the inventory metrics failed: {}", e.toString());
            }
        }
        return counts == null ? Double.NaN : counts.get(kind, key);
    }
}
