package io.registry.core.subject;

/** A live subject version whose schema (global id {@code id}) references another subject version. */
public record Referrer(String subject, int version, int id) {
}
