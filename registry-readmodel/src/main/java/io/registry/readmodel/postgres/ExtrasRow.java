package io.registry.readmodel.postgres;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** The {@code metadata}/{@code rule_set} columns of one subject version, as JSON text. */
@Introspected
public record ExtrasRow(@Nullable String metadata, @Nullable String ruleSet) {
}
