package io.registry.readmodel;

import com.fasterxml.jackson.databind.JsonNode;

/** Confluent's optional {@code metadata} and {@code ruleSet} of a subject version (either may be null). */
public record VersionExtras(JsonNode metadata, JsonNode ruleSet) {
}
