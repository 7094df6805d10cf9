package io.registry.readmodel;

/** One version of a subject and the schema id it points at. */
public record SubjectVersion(String subject, int version, int schemaId, boolean deleted) {
}
