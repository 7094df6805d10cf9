package io.registry.core.llm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Either the provider definition (schema embedded unchanged) or every reason it cannot be exported faithfully. */
public record ExportResult(LlmTarget target, JsonNode definition, List<ExportProblem> problems) {
    public ExportResult {
        problems = List.copyOf(problems);
    }

    public boolean exportable() {
        return problems.isEmpty();
    }
}
