package io.registry.api.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.registry.api.write.CommandGateway;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Kafka's own client metrics ({@code kafka_producer_*}, {@code kafka_consumer_*}: request latency, record send
 * rate and errors, fetch lag, connection counts…) for the API node's command producer and reply consumer, bound
 * with Micrometer's {@link KafkaClientMetrics} as soon as the gateway exists.
 */
@Singleton
public final class KafkaClientMeters implements BeanCreatedEventListener<CommandGateway> {
    private final BeanProvider<MeterRegistry> meters;
    private final List<KafkaClientMetrics> bound = new CopyOnWriteArrayList<>();

    public KafkaClientMeters(BeanProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    @Override
    public CommandGateway onCreated(BeanCreatedEvent<CommandGateway> event) {
        CommandGateway gateway = event.getBean();
        MeterRegistry registry = meters.get();
        for (KafkaClientMetrics m : List.of(new KafkaClientMetrics(gateway.producer()),
                new KafkaClientMetrics(gateway.replyConsumer()))) {
            m.bindTo(registry);
            bound.add(m);
        }
        return gateway;
    }

    @PreDestroy
    void close() {
        bound.forEach(KafkaClientMetrics::close);
        bound.clear();
    }
}
