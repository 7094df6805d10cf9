package io.registry.core.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks JSON payloads against one compiled schema. Implementations are immutable and thread-safe, so one
 * instance per schema id can be cached and shared.
 */
public interface PayloadValidator {
    ValidationResult validate(JsonNode payload);
}
