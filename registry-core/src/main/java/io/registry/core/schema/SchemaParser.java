package io.registry.core.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses schema text of any supported type, resolving its references (transitively, dependencies first) so
 * the format sees every named type it may use.
 */
public final class SchemaParser {
    private static final int MAX_REFERENCE_DEPTH = 32;

    private final SchemaFormats formats;

    public SchemaParser(SchemaFormats formats) {
        this.formats = formats;
    }

    public SchemaFormats formats() {
        return formats;
    }

    /** @throws InvalidSchemaException for invalid text, an unsupported type or an unresolvable reference */
    public ParsedSchema parse(SchemaType type, String text, List<SchemaReference> references, boolean normalize,
                              ReferenceResolver resolver) {
        return parse(type, text, references, normalize, resolver, true);
    }

    /**
     * A schema that is not being registered (stored, or looked up): the rules Confluent checks on new schemas only
     * are not applied ({@link SchemaFormat#parseExisting}).
     */
    public ParsedSchema parseExisting(SchemaType type, String text, List<SchemaReference> references,
                                      boolean normalize, ReferenceResolver resolver) {
        return parse(type, text, references, normalize, resolver, false);
    }

    private ParsedSchema parse(SchemaType type, String text, List<SchemaReference> references, boolean normalize,
                               ReferenceResolver resolver, boolean isNew) {
        SchemaFormat format = formats.of(type);
        if (text == null) {
            throw new InvalidSchemaException("Empty schema");
        }
        Map<String, ResolvedReference> resolved = new LinkedHashMap<>();
        for (SchemaReference ref : references) {
            collect(ref, resolver, resolved, 0);
        }
        List<ResolvedReference> dependencies = new ArrayList<>(resolved.values());
        return isNew ? format.parse(text, references, dependencies, normalize)
                : format.parseExisting(text, references, dependencies, normalize);
    }

    private void collect(SchemaReference ref, ReferenceResolver resolver, Map<String, ResolvedReference> out,
                         int depth) {
        if (depth > MAX_REFERENCE_DEPTH) {
            throw new InvalidSchemaException("Invalid schema: references nest deeper than " + MAX_REFERENCE_DEPTH);
        }
        String key = ref.subject() + "\u0000" + ref.version();
        if (out.containsKey(key)) {
            return;
        }
        if (ref.name() == null || ref.subject() == null) {
            throw new InvalidSchemaException("Invalid schema: a reference needs a name and a subject");
        }
        ReferenceResolver.ReferencedSchema target = resolver.resolve(ref.subject(), ref.version())
                .orElseThrow(() -> new InvalidSchemaException("Invalid schema: reference " + ref.name()
                        + " points at subject '" + ref.subject() + "' version " + ref.version()
                        + ", which does not exist"));
        for (SchemaReference nested : target.references()) {
            collect(nested, resolver, out, depth + 1);
        }
        out.put(key, new ResolvedReference(ref, target.schema()));
    }
}
