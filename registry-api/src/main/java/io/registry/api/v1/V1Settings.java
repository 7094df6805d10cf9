package io.registry.api.v1;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code registry.v1.*}: limits of the {@code /api/v1} API. */
@ConfigurationProperties("registry.v1")
public class V1Settings {
    private int maxSchemaBytes = 256 * 1024;
    private int maxPayloadBytes = 1024 * 1024;
    private int maxBatch = 100;
    private int maxBodyBytes = 8 * 1024 * 1024;
    private int validatorCacheSize = 10_000;

    /** Largest schema text accepted by {@code POST /api/v1/schemas} and the compatibility check (42209 above). */
    public int getMaxSchemaBytes() {
        return maxSchemaBytes;
    }

    public void setMaxSchemaBytes(int maxSchemaBytes) {
        this.maxSchemaBytes = maxSchemaBytes;
    }

    /** Largest single payload {@code POST /api/v1/validate/{id}} checks (413 above). */
    public int getMaxPayloadBytes() {
        return maxPayloadBytes;
    }

    public void setMaxPayloadBytes(int maxPayloadBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** Most payloads in one {@code {"payloads": [...]}} batch (422 above). */
    public int getMaxBatch() {
        return maxBatch;
    }

    public void setMaxBatch(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    /** Largest request body of any {@code /api/v1} route (413 above). */
    public int getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Compiled payload validators kept, by schema id. */
    public int getValidatorCacheSize() {
        return validatorCacheSize;
    }

    public void setValidatorCacheSize(int validatorCacheSize) {
        this.validatorCacheSize = validatorCacheSize;
    }
}
