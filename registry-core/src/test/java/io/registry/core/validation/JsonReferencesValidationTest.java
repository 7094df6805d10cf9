package io.registry.core.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.ReferenceResolver;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JSON Schema that {@code $ref}s a schema registered under another subject validates through it. */
class JsonReferencesValidationTest {
    @Test
    void refToRegistryReference() throws Exception {
        String address = "{\"type\":\"object\",\"required\":[\"city\"],\"properties\":{\"city\":{\"type\":\"string\"}}}";
        String person = "{\"type\":\"object\",\"properties\":{\"home\":{\"$ref\":\"address.json\"}}}";
        ReferenceResolver resolver = (subject, version) -> Optional.of(new ReferenceResolver.ReferencedSchema(
                address, List.of()));
        ParsedSchema parsed = new SchemaParser(SchemaFormats.standard()).parse(SchemaType.JSON, person,
                List.of(new SchemaReference("address.json", "address", 1)), false, resolver);
        PayloadValidator v = PayloadValidators.compile(parsed);
        ObjectMapper json = new ObjectMapper();
        assertTrue(v.validate(json.readTree("{\"home\":{\"city\":\"Oslo\"}}")).valid());
        ValidationResult bad = v.validate(json.readTree("{\"home\":{}}"));
        assertEquals("/home/city", bad.errors().get(0).path(), bad.toString());
    }
}
