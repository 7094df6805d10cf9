package io.registry.api.write;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code registry.api.command-producer.*}: how long the API's command producer may take to hand a command to Kafka.
 * Kafka's defaults (60 s blocked in {@code send}, 120 s of delivery retries) would keep an HTTP request hanging far
 * beyond {@code registry.api.sequencer-timeout} when brokers are down or the commands topic is below its
 * {@code min.insync.replicas}; these keep a failing write inside a few seconds.
 */
@ConfigurationProperties("registry.api.command-producer")
public class CommandProducerSettings {
    private Duration maxBlock = Duration.ofSeconds(3);
    private Duration requestTimeout = Duration.ofSeconds(2);
    private Duration deliveryTimeout = Duration.ofSeconds(4);

    /** Kafka's {@code max.block.ms}: how long {@code send} may block waiting for metadata (no broker reachable). */
    public Duration getMaxBlock() {
        return maxBlock;
    }

    public void setMaxBlock(Duration maxBlock) {
        this.maxBlock = maxBlock;
    }

    /** Kafka's {@code request.timeout.ms}: one produce request's wait for the broker's answer. */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /**
     * Kafka's {@code delivery.timeout.ms}: the whole send, retries included (Kafka requires at least the request
     * timeout; a smaller value is raised to it).
     */
    public Duration getDeliveryTimeout() {
        return deliveryTimeout;
    }

    public void setDeliveryTimeout(Duration deliveryTimeout) {
        this.deliveryTimeout = deliveryTimeout;
    }
}
