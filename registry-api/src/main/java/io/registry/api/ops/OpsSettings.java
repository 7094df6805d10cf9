package io.registry.api.ops;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code registry.health.*}: what readiness requires. */
@ConfigurationProperties("registry.health")
public class OpsSettings {
    private long maxProjectionLag = 1000;
    private Duration kafkaTimeout = Duration.ofSeconds(2);
    private Duration storeTimeout = Duration.ofSeconds(1);

    /** Most log offsets a projection may be behind the log's end and still be ready. */
    public long getMaxProjectionLag() {
        return maxProjectionLag;
    }

    public void setMaxProjectionLag(long maxProjectionLag) {
        this.maxProjectionLag = maxProjectionLag;
    }

    public Duration getKafkaTimeout() {
        return kafkaTimeout;
    }

    public void setKafkaTimeout(Duration kafkaTimeout) {
        this.kafkaTimeout = kafkaTimeout;
    }

    /** How long readiness waits for a store's checkpoint before it reports the store down. */
    public Duration getStoreTimeout() {
        return storeTimeout;
    }

    public void setStoreTimeout(Duration storeTimeout) {
        this.storeTimeout = storeTimeout;
    }
}
