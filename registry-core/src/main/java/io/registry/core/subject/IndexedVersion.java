package io.registry.core.subject;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One version of a subject as the sequencer indexes it. {@code metadata}/{@code ruleSet} are kept so that a soft
 * delete can rewrite the version's record unchanged except for {@code deleted=true}, as Confluent does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndexedVersion(int version, int id, boolean deleted, JsonNode metadata, JsonNode ruleSet) {
    public IndexedVersion(int version, int id, boolean deleted) {
        this(version, id, deleted, null, null);
    }

    public IndexedVersion withDeleted(boolean value) {
        return new IndexedVersion(version, id, value, metadata, ruleSet);
    }
}
