package io.registry.core.llm;

/**
 * A construct the target's strict mode does not accept.
 *
 * @param path      JSON Pointer into the schema ("" = the root)
 * @param construct the keyword or rule concerned ({@code additionalProperties}, {@code required}, {@code format},
 *                  {@code maxNesting}…)
 */
public record ExportProblem(String path, String construct, String message) {
}
