package io.registry.core.schema;

/** A reference together with the schema text it resolved to, which a format needs in order to parse. */
public record ResolvedReference(SchemaReference reference, String schemaText) {
}
