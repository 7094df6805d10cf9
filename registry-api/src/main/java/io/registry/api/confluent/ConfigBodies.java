package io.registry.api.confluent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.registry.core.log.LogValue.ConfigValue;

/** The typed answers of the {@code /config} family, field for field and in order as Confluent writes them. */
final class ConfigBodies {
    private ConfigBodies() {
    }

    /** Confluent's {@code Config} entity ({@code GET /config…}, {@code DELETE /config…}): unset fields left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"alias", "normalize", "validateFields", "compatibilityLevel", "compatibilityGroup",
            "defaultMetadata", "overrideMetadata", "defaultRuleSet", "overrideRuleSet"})
    record Config(String alias, Boolean normalize, Boolean validateFields, String compatibilityLevel,
                  String compatibilityGroup, JsonNode defaultMetadata, JsonNode overrideMetadata,
                  JsonNode defaultRuleSet, JsonNode overrideRuleSet) {
        static Config of(ConfigValue c) {
            return new Config(c.alias(), c.normalize(), c.validateFields(), c.compatibilityLevel(),
                    c.compatibilityGroup(), c.defaultMetadata(), c.overrideMetadata(), c.defaultRuleSet(),
                    c.overrideRuleSet());
        }

        static Config level(String level) {
            return of(new ConfigValue(level));
        }
    }

    /**
     * Confluent's answer to {@code PUT /config…}: the request's fields echoed ({@code ConfigUpdateRequest}, whose
     * level is {@code compatibility}), the unset ones left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"alias", "normalize", "validateFields", "compatibility", "compatibilityGroup",
            "defaultMetadata", "overrideMetadata", "defaultRuleSet", "overrideRuleSet"})
    record Update(String alias, Boolean normalize, Boolean validateFields, String compatibility,
                  String compatibilityGroup, JsonNode defaultMetadata, JsonNode overrideMetadata,
                  JsonNode defaultRuleSet, JsonNode overrideRuleSet) {
    }
}
