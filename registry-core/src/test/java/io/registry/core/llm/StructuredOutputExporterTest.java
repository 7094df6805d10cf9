package io.registry.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructuredOutputExporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String STRICT = """
            {"type":"object","additionalProperties":false,"required":["name","tags","when"],
             "properties":{"name":{"type":"string","description":"who"},
               "tags":{"type":"array","items":{"type":"string","enum":["a","b"]}},
               "when":{"type":["string","null"],"format":"date-time"}}}""";

    static ExportResult export(LlmTarget target, String schema) throws Exception {
        return StructuredOutputExporter.export(target, "extract_person", "Extracts a person", JSON.readTree(schema));
    }

    static List<String> problems(ExportResult r) {
        return r.problems().stream().map(p -> p.path() + " " + p.construct()).toList();
    }

    @Test
    void strictSchemaExportsUnchangedToEveryTarget() throws Exception {
        JsonNode schema = JSON.readTree(STRICT);
        for (LlmTarget t : LlmTarget.values()) {
            ExportResult r = export(t, STRICT);
            assertTrue(r.exportable(), t + " " + r.problems());
        }
        ExportResult openai = export(LlmTarget.OPENAI, STRICT);
        assertEquals(schema, openai.definition().at("/response_format/json_schema/schema"));
        assertTrue(openai.definition().at("/response_format/json_schema/strict").asBoolean());
        assertEquals(schema, openai.definition().at("/tool/function/parameters"));
        assertEquals(schema, export(LlmTarget.ANTHROPIC, STRICT).definition().at("/tool/input_schema"));
        assertEquals(schema, export(LlmTarget.GEMINI, STRICT).definition()
                .at("/generation_config/responseJsonSchema"));
    }

    static final String LOOSE = """
            {"type":"object","required":["name"],
             "properties":{"name":{"type":"string","minLength":1},
               "age":{"type":"integer","minimum":0},
               "site":{"type":"string","format":"uri"},
               "address":{"type":"object","additionalProperties":false,"required":["city"],
                          "properties":{"city":{"type":"string"}}},
               "either":{"oneOf":[{"type":"string"},{"type":"integer"}]}}}""";

    @Test
    void openaiListsEveryProblem() throws Exception {
        ExportResult r = export(LlmTarget.OPENAI, LOOSE);
        assertFalse(r.exportable());
        assertNull(r.definition());
        assertEquals(List.of("/properties/name/minLength minLength", "/properties/site/format format",
                "/properties/either/oneOf oneOf", "/properties/age required", "/properties/site required",
                "/properties/address required", "/properties/either required", " additionalProperties",
                " additionalProperties").subList(0, 3), problems(r).subList(0, 3), r.problems().toString());
        assertTrue(problems(r).contains(" additionalProperties"));
        assertTrue(problems(r).contains("/properties/age required"));
        assertFalse(problems(r).contains("/properties/name required"));
        assertFalse(problems(r).contains("/properties/address additionalProperties"));
    }

    @Test
    void anthropicRefusesNumericAndLengthConstraintsAndRecursion() throws Exception {
        List<String> p = problems(export(LlmTarget.ANTHROPIC, LOOSE));
        assertTrue(p.contains("/properties/name/minLength minLength"), p.toString());
        assertTrue(p.contains("/properties/age/minimum minimum"), p.toString());
        assertTrue(p.contains("/properties/either/oneOf oneOf"), p.toString());
        assertFalse(p.contains("/properties/site/format format"), p.toString()); // uri is supported
        assertFalse(p.contains("/properties/age required"), p.toString()); // optional properties are fine
        List<String> recursive = problems(export(LlmTarget.ANTHROPIC, """
                {"type":"object","additionalProperties":false,"required":["root"],
                 "properties":{"root":{"$ref":"#/$defs/node"}},
                 "$defs":{"node":{"type":"object","additionalProperties":false,"required":["children"],
                   "properties":{"children":{"type":"array","items":{"$ref":"#/$defs/node"}}}}}}"""));
        assertEquals(List.of("/$defs/node $ref"), recursive);
        assertTrue(export(LlmTarget.OPENAI, """
                {"type":"object","additionalProperties":false,"required":["root"],
                 "properties":{"root":{"$ref":"#/$defs/node"}},
                 "$defs":{"node":{"type":"object","additionalProperties":false,"required":["children"],
                   "properties":{"children":{"type":"array","items":{"$ref":"#/$defs/node"}}}}}}""").exportable());
    }

    @Test
    void geminiRefusesWhatItWouldIgnore() throws Exception {
        List<String> p = problems(export(LlmTarget.GEMINI, LOOSE));
        assertTrue(p.contains("/properties/name/minLength minLength"), p.toString());
        assertTrue(p.contains("/properties/either/oneOf oneOf"), p.toString());
        assertTrue(p.contains("/properties/site/format format"), p.toString());
        assertFalse(p.contains(" additionalProperties"), p.toString());
        assertFalse(p.contains("/properties/age/minimum minimum"), p.toString());
    }

    @Test
    void openaiSizeAndNestingLimits() throws Exception {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            deep.append("{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"x\"],\"properties\":{\"x\":");
        }
        deep.append("{\"type\":\"string\"}");
        deep.append("}}".repeat(11));
        List<String> p = problems(export(LlmTarget.OPENAI, deep.toString()));
        assertEquals(List.of("/properties/x/properties/x/properties/x/properties/x/properties/x/properties/x"
                + "/properties/x/properties/x/properties/x/properties/x maxNesting"), p);
        StringBuilder many = new StringBuilder("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{");
        StringBuilder req = new StringBuilder();
        for (int i = 0; i < 5001; i++) {
            many.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":{\"type\":\"string\"}");
            req.append(i == 0 ? "" : ",").append("\"p").append(i).append("\"");
        }
        many.append("},\"required\":[").append(req).append("]}");
        assertEquals(List.of(" maxProperties"), problems(export(LlmTarget.OPENAI, many.toString())));
    }

    @Test
    void rootAndNameRules() throws Exception {
        ExportResult r = StructuredOutputExporter.export(LlmTarget.OPENAI, "bad name!", null,
                JSON.readTree("{\"anyOf\":[{\"type\":\"string\"}]}"));
        assertEquals(List.of(" name", " type"), problems(r));
        assertTrue(problems(export(LlmTarget.GEMINI, "{\"type\":\"object\",\"properties\":{\"r\":{\"$ref\":\"http://x/y.json\"}}}"))
                .contains("/properties/r/$ref $ref"));
    }
}
