package io.registry.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayloadValidatorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaParser PARSER = new SchemaParser(SchemaFormats.standard());

    static PayloadValidator validator(SchemaType type, String schema) {
        ParsedSchema parsed = PARSER.parse(type, schema, List.of(), false, (s, v) -> Optional.empty());
        return PayloadValidators.compile(parsed);
    }

    static ValidationResult check(PayloadValidator v, String payload) throws Exception {
        return v.validate(JSON.readTree(payload));
    }

    static void assertErrors(ValidationResult r, String... pathAndKeyword) {
        assertFalse(r.valid(), r.toString());
        assertEquals(pathAndKeyword.length / 2, r.errors().size(), r.toString());
        for (int i = 0; i < pathAndKeyword.length; i += 2) {
            ValidationError e = r.errors().get(i / 2);
            assertEquals(pathAndKeyword[i], e.path(), r.toString());
            assertEquals(pathAndKeyword[i + 1], e.keyword(), r.toString());
        }
    }

    // ---- JSON Schema ----------------------------------------------------------------------------------------

    static final String ORDER = """
            {"type":"object","required":["id","customer","lines"],"additionalProperties":false,
             "properties":{"id":{"type":"string","format":"uuid"},
               "customer":{"type":"object","required":["email"],"properties":{"email":{"type":"string","format":"email"},
                 "a/b":{"type":"integer"}}},
               "lines":{"type":"array","minItems":1,"items":{"type":"object","required":["sku","qty"],
                 "properties":{"sku":{"type":"string","pattern":"^[A-Z]{3}-\\\\d+$"},"qty":{"type":"integer","minimum":1}}}}}}""";

    @Test
    void jsonValidPayload() throws Exception {
        PayloadValidator v = validator(SchemaType.JSON, ORDER);
        ValidationResult r = check(v, """
                {"id":"0b6c5c63-8a9b-4c53-9a53-7d7c3a3f0e11","customer":{"email":"a@example.com"},
                 "lines":[{"sku":"ABC-1","qty":2}]}""");
        assertTrue(r.valid(), r.toString());
    }

    @Test
    void jsonNestedErrorsCarryExactPointers() throws Exception {
        PayloadValidator v = validator(SchemaType.JSON, ORDER);
        ValidationResult r = check(v, """
                {"id":"0b6c5c63-8a9b-4c53-9a53-7d7c3a3f0e11","customer":{"a/b":"x"},
                 "lines":[{"sku":"ABC-1","qty":2},{"sku":"bad","qty":0}],"extra":1}""");
        assertFalse(r.valid());
        List<String> got = r.errors().stream().map(e -> e.path() + " " + e.keyword()).sorted().toList();
        assertEquals(List.of("/customer/a~1b type", "/customer/email required", "/lines/1/qty minimum",
                "/lines/1/sku pattern", "/extra additionalProperties").stream().sorted().toList(),
                got, r.toString());
    }

    @Test
    void jsonFormatIsAsserted() throws Exception {
        PayloadValidator v = validator(SchemaType.JSON, ORDER);
        ValidationResult r = check(v, """
                {"id":"not-a-uuid","customer":{"email":"a@example.com"},"lines":[{"sku":"ABC-1","qty":1}]}""");
        assertErrors(r, "/id", "format");
    }

    @Test
    void jsonDraft2020AndDraft4() throws Exception {
        PayloadValidator v2020 = validator(SchemaType.JSON, """
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"array",
                 "prefixItems":[{"type":"string"},{"type":"number"}],"items":false}""");
        assertTrue(check(v2020, "[\"a\",1]").valid());
        assertErrors(check(v2020, "[\"a\",\"b\"]"), "/1", "type");
        PayloadValidator v4 = validator(SchemaType.JSON, """
                {"$schema":"http://json-schema.org/draft-04/schema#","type":"number","maximum":10,
                 "exclusiveMaximum":true}""");
        assertTrue(check(v4, "9").valid());
        assertFalse(check(v4, "10").valid());
    }

    // ---- Avro -----------------------------------------------------------------------------------------------

    static final String USER = """
            {"type":"record","name":"User","namespace":"acme","fields":[
              {"name":"name","type":"string"},
              {"name":"age","type":["null","int"],"default":null},
              {"name":"id","type":{"type":"string","logicalType":"uuid"}},
              {"name":"born","type":{"type":"int","logicalType":"date"},"default":0},
              {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["ADMIN","MEMBER"]},"default":"MEMBER"},
              {"name":"address","type":["null",{"type":"record","name":"Address","fields":[
                 {"name":"city","type":"string"},{"name":"zip","type":"string"}]}],"default":null},
              {"name":"tags","type":{"type":"array","items":"string"},"default":[]},
              {"name":"scores","type":{"type":"map","values":"long"},"default":{}}]}""";

    @Test
    void avroValidWithDefaultsAndBothUnionEncodings() throws Exception {
        PayloadValidator v = validator(SchemaType.AVRO, USER);
        assertTrue(check(v, """
                {"name":"ann","id":"0b6c5c63-8a9b-4c53-9a53-7d7c3a3f0e11"}""").valid());
        assertTrue(check(v, """
                {"name":"ann","age":{"int":31},"id":"0b6c5c63-8a9b-4c53-9a53-7d7c3a3f0e11",
                 "address":{"acme.Address":{"city":"Oslo","zip":"0150"}},"tags":["a"],"scores":{"x":1}}""").valid());
        assertTrue(check(v, """
                {"name":"ann","age":31,"id":"0b6c5c63-8a9b-4c53-9a53-7d7c3a3f0e11",
                 "address":{"city":"Oslo","zip":"0150"}}""").valid());
    }

    @Test
    void avroNestedErrors() throws Exception {
        PayloadValidator v = validator(SchemaType.AVRO, USER);
        ValidationResult r = check(v, """
                {"age":{"int":"x"},"id":"nope","kind":"GUEST",
                 "address":{"acme.Address":{"city":7}},"tags":["a",1],"scores":{"x":1.5},"bogus":true}""");
        List<String> got = r.errors().stream().map(e -> e.path() + " " + e.keyword()).toList();
        assertEquals(List.of("/name required", "/age/int type", "/id logicalType", "/kind enum",
                "/address/acme.Address/city type", "/address/acme.Address/zip required", "/tags/1 type",
                "/scores/x type", "/bogus additionalProperties"), got, r.toString());
    }

    @Test
    void avroUnionWithoutMatchingBranch() throws Exception {
        PayloadValidator v = validator(SchemaType.AVRO, USER);
        ValidationResult r = check(v, """
                {"name":"ann","age":"old","id":"0b6c5c63-8a9b-4c53-9a53-7d7c3a3f0e11"}""");
        assertErrors(r, "/age", "union");
    }

    @Test
    void avroIntRange() throws Exception {
        PayloadValidator v = validator(SchemaType.AVRO, "\"int\"");
        assertTrue(check(v, "2147483647").valid());
        assertErrors(check(v, "2147483648"), "", "type");
    }

    // ---- Protobuf -------------------------------------------------------------------------------------------

    static final String PROTO = """
            syntax = "proto3";
            package acme.v1;
            import "google/protobuf/timestamp.proto";
            message Order {
              string order_id = 1;
              int64 total_cents = 2;
              Status status = 3;
              repeated Line lines = 4;
              map<string, int32> counts = 5;
              google.protobuf.Timestamp created_at = 6;
              oneof payment { string card = 7; string iban = 8; }
              bytes blob = 9;
              message Line { string sku = 1; uint32 qty = 2; }
            }
            enum Status { STATUS_UNKNOWN = 0; PAID = 1; }
            """;

    @Test
    void protobufCanonicalJson() throws Exception {
        PayloadValidator v = validator(SchemaType.PROTOBUF, PROTO);
        assertTrue(check(v, """
                {"orderId":"o1","totalCents":"12345","status":"PAID","lines":[{"sku":"a","qty":2}],
                 "counts":{"x":1},"createdAt":"2026-11-22T10:00:00Z","card":"4111","blob":"AQID"}""").valid());
        assertTrue(check(v, """
                {"order_id":"o1","total_cents":12345,"status":1,"lines":null}""").valid());
    }

    @Test
    void protobufNestedErrors() throws Exception {
        PayloadValidator v = validator(SchemaType.PROTOBUF, PROTO);
        ValidationResult r = check(v, """
                {"orderId":5,"status":"SHIPPED","lines":[{"sku":"a","qty":-1}],"counts":{"x":"y"},
                 "createdAt":"yesterday","card":"1","iban":"2","nope":1}""");
        List<String> got = r.errors().stream().map(e -> e.path() + " " + e.keyword()).toList();
        assertEquals(List.of("/orderId type", "/status enum", "/lines/0/qty maximum", "/counts/x type",
                "/createdAt format", "/iban oneOf", "/nope additionalProperties"), got, r.toString());
    }
}
