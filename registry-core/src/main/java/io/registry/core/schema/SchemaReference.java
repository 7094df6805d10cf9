package io.registry.core.schema;

/** A reference from one schema to a schema registered under another subject (Confluent's {@code references}). */
public record SchemaReference(String name, String subject, int version) {
}
