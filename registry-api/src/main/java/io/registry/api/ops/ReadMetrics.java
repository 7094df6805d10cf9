package io.registry.api.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.registry.api.read.ReadCounters;
import io.registry.api.read.SchemaByIdCache;
import io.registry.readmodel.LayeredReadModel;
import io.registry.readmodel.ReadModel;
import jakarta.inject.Singleton;

import java.util.function.ToDoubleFunction;

/**
 * Where reads were answered, per tier: {@code registry_cache_gets_total{cache,result="hit"|"miss"}} for the
 * in-process caches ({@code schema_by_id}: schemas by id; {@code version_answer}: serialized
 * {@code /subjects/{s}/versions/{v}} answers tagged with the projection watermark) and
 * {@code registry_read_model_reads_total{tier="redis"|"postgres"}} for the reads that reached the read model,
 * plus {@code registry_cache_entries{cache="schema_by_id"}}.
 *
 * <p>The read paths only bump plain adders ({@link SchemaByIdCache}, {@link ReadCounters},
 * {@link LayeredReadModel}); the meters read them at scrape time. The beans are looked up lazily so that binding
 * the meters (when the registry is created) does not create the read model.
 */
@Singleton
public final class ReadMetrics implements MeterBinder {
    private final BeanProvider<SchemaByIdCache> byId;
    private final BeanProvider<ReadCounters> counters;
    private final BeanProvider<ReadModel> readModel;

    public ReadMetrics(BeanProvider<SchemaByIdCache> byId, BeanProvider<ReadCounters> counters,
                       BeanProvider<ReadModel> readModel) {
        this.byId = byId;
        this.counters = counters;
        this.readModel = readModel;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        cacheGets(meters, "schema_by_id", "hit", r -> r.byId.get().hits());
        cacheGets(meters, "schema_by_id", "miss", r -> r.byId.get().misses());
        cacheGets(meters, "version_answer", "hit", r -> r.counters.get().answerHits());
        cacheGets(meters, "version_answer", "miss", r -> r.counters.get().answerMisses());
        Gauge.builder("registry.cache.entries", this, r -> r.byId.get().size())
                .tag("cache", "schema_by_id").description("entries held by the in-process cache")
                .register(meters);
        readModelReads(meters, "redis", r -> r.counters.get().redisFastReads()
                + r.layered().map(LayeredReadModel::servedByRedis).orElse(0L));
        readModelReads(meters, "postgres", r -> r.layered().map(LayeredReadModel::servedByPostgres).orElse(0L));
    }

    private java.util.Optional<LayeredReadModel> layered() {
        return readModel.get() instanceof LayeredReadModel l ? java.util.Optional.of(l) : java.util.Optional.empty();
    }

    private void cacheGets(MeterRegistry meters, String cache, String result, ToDoubleFunction<ReadMetrics> count) {
        FunctionCounter.builder("registry.cache.gets", this, count)
                .tags("cache", cache, "result", result)
                .description("lookups in the API node's in-process caches")
                .register(meters);
    }

    private void readModelReads(MeterRegistry meters, String tier, ToDoubleFunction<ReadMetrics> count) {
        FunctionCounter.builder("registry.read.model.reads", this, count)
                .tag("tier", tier)
                .description("reads answered by each read-model tier (Redis first, Postgres when Redis has no answer)")
                .register(meters);
    }
}
