package io.registry.core.llm;

import io.registry.core.EnumNames;

import java.util.Locale;
import java.util.Optional;

/** Providers whose strict structured-output / tool definitions a schema can be exported to. */
public enum LlmTarget {
    OPENAI, ANTHROPIC, GEMINI;

    public static Optional<LlmTarget> parse(String name) {
        return EnumNames.parse(LlmTarget.class, name);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
