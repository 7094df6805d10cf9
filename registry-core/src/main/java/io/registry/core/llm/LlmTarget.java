package io.registry.core.llm;

import java.util.Locale;
import java.util.Optional;

/** Providers whose strict structured-output / tool definitions a schema can be exported to. */
public enum LlmTarget {
    OPENAI, ANTHROPIC, GEMINI;

    public static Optional<LlmTarget> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
