package io.registry.api.http;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code registry.api.*}: how long writes wait for the sequencer and for this region's projections. */
@ConfigurationProperties("registry.api")
public class RegistryApiSettings {
    private Duration sequencerTimeout = Duration.ofSeconds(10);
    private Duration projectionTimeout = Duration.ofSeconds(5);
    private long schemaCacheBytes = 64L * 1024 * 1024;

    public Duration sequencerTimeout() {
        return sequencerTimeout;
    }

    public void setSequencerTimeout(Duration sequencerTimeout) {
        this.sequencerTimeout = sequencerTimeout;
    }

    public Duration projectionTimeout() {
        return projectionTimeout;
    }

    public void setProjectionTimeout(Duration projectionTimeout) {
        this.projectionTimeout = projectionTimeout;
    }

    /** Upper bound, in bytes of response body, of the in-process cache of schemas by id. */
    public long schemaCacheBytes() {
        return schemaCacheBytes;
    }

    public void setSchemaCacheBytes(long schemaCacheBytes) {
        this.schemaCacheBytes = schemaCacheBytes;
    }
}
