package io.registry.core.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.ResolvedReference;
import io.registry.core.schema.SchemaReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The JSON Schema compatibility rules, one behaviour per test. Schemas are written with single quotes for
 * readability. {@code problems(writer, reader)} lists "ERROR_TYPE path" for each incompatibility found when
 * {@code reader} reads data written with {@code writer} (BACKWARD: writer = old, reader = new).
 */
class JsonSchemaCompatibilityTest {
    private static final JsonSchemaFormat FORMAT = new JsonSchemaFormat();
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> problems(String writer, String reader) {
        return problems(parse(writer), parse(reader));
    }

    static List<String> problems(ParsedSchema writer, ParsedSchema reader) {
        List<String> out = new ArrayList<>();
        for (String message : FORMAT.readIncompatibilities(reader, writer)) {
            try {
                JsonNode node = JSON.readTree(message);
                out.add(node.get("errorType").asText() + " " + node.get("path").asText());
            } catch (Exception e) {
                throw new AssertionError("message is not JSON: " + message, e);
            }
        }
        return out;
    }

    static ParsedSchema parse(String schema) {
        return FORMAT.parse(schema.replace('\'', '"'), List.of(), List.of(), false);
    }

    static void compatible(String writer, String reader) {
        assertEquals(List.of(), problems(writer, reader));
    }

    static void incompatible(String writer, String reader, String... expected) {
        assertEquals(List.of(expected), problems(writer, reader));
    }

    @Test
    void messageIsJsonWithTypeDescriptionAndPath() {
        List<String> messages = FORMAT.readIncompatibilities(
                parse("{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':false}"),
                parse("{'type':'object','properties':{'a':{'type':'string'},'foo':{'type':'string'}},"
                        + "'additionalProperties':false}"));
        assertEquals(List.of("{\"errorType\":\"PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL\",\"description\":"
                + "\"The reader schema has a closed content model and is missing a property or item present at "
                + "path '#/properties/foo' in the writer schema\",\"path\":\"#/properties/foo\"}"), messages);
    }

    @Nested
    class Types {
        @Test
        void integerWidensToNumber() {
            compatible("{'type':'integer'}", "{'type':'number'}");
            incompatible("{'type':'number'}", "{'type':'integer'}", "TYPE_NARROWED #/");
        }

        @Test
        void otherTypeChangesAreIncompatible() {
            incompatible("{'type':'string'}", "{'type':'number'}", "TYPE_CHANGED #/");
            incompatible("{'type':'object','properties':{'a':{'type':'boolean'}}}",
                    "{'type':'object','properties':{'a':{'type':'null'}}}", "TYPE_CHANGED #/properties/a");
        }

        @Test
        void typeArrayIsAUnion() {
            compatible("{'type':'string'}", "{'type':['string','null']}");
            incompatible("{'type':['string','null']}", "{'type':'string'}", "TYPE_CHANGED #/");
        }

        @Test
        void booleanSchemas() {
            compatible("{'type':'string'}", "true");
            compatible("false", "{'type':'string'}");
            compatible("{'type':'string'}", "{}");
            incompatible("true", "{'type':'string'}", "TYPE_CHANGED #/");
            incompatible("true", "false", "TYPE_CHANGED #/");
        }

        @Test
        void annotationsDoNotMatter() {
            compatible("{'type':'string','title':'a','description':'b','format':'email'}",
                    "{'type':'string','title':'c','format':'uri','examples':['x']}");
        }

        @Test
        void constIsAOneValueEnum() {
            compatible("{'const':'a'}", "{'enum':['a']}");
            compatible("{'const':'a'}", "{'enum':['a','b']}");
            incompatible("{'enum':['a','b']}", "{'const':'a'}", "ENUM_ARRAY_NARROWED #/const");
        }
    }

    @Nested
    class Objects {
        static final String OPEN = "{'type':'object','properties':{'a':{'type':'string'}}}";
        static final String CLOSED = "{'type':'object','properties':{'a':{'type':'string'}},"
                + "'additionalProperties':false}";

        @Test
        void propertyAddedToOpenWriterIsIncompatible() {
            // The writer may have written "b" with any type: the reader's string may not read it.
            incompatible(OPEN, "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}}}",
                    "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/b");
            incompatible(OPEN, "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}},"
                            + "'required':['b']}",
                    "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/b");
            compatible(OPEN, "{'type':'object','properties':{'a':{'type':'string'},'b':{}}}");
        }

        @Test
        void propertyAddedToClosedWriter() {
            compatible(CLOSED, "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}},"
                    + "'additionalProperties':false}");
            incompatible(CLOSED, "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}},"
                            + "'required':['b'],'additionalProperties':false}",
                    "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b");
            compatible(CLOSED, "{'type':'object','properties':{'a':{'type':'string'},"
                    + "'b':{'type':'string','default':'x'}},'required':['b'],'additionalProperties':false}");
        }

        @Test
        void propertyRemoved() {
            compatible(OPEN, "{'type':'object'}");
            incompatible(CLOSED, "{'type':'object','additionalProperties':false}",
                    "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/a");
            compatible(CLOSED, "{'type':'object','additionalProperties':{'type':'string'}}");
            incompatible(CLOSED, "{'type':'object','additionalProperties':{'type':'number'}}",
                    "TYPE_CHANGED #/properties/a",
                    "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/a");
        }

        @Test
        void additionalProperties() {
            compatible(CLOSED, OPEN);
            incompatible(OPEN, CLOSED, "ADDITIONAL_PROPERTIES_REMOVED #/additionalProperties");
            incompatible(OPEN, "{'type':'object','properties':{'a':{'type':'string'}},"
                            + "'additionalProperties':{'type':'string'}}",
                    "ADDITIONAL_PROPERTIES_NARROWED #/additionalProperties");
            compatible("{'type':'object','additionalProperties':{'type':'integer'}}",
                    "{'type':'object','additionalProperties':{'type':'number'}}");
        }

        @Test
        void patternPropertiesMakeAPartiallyOpenModel() {
            String writer = "{'type':'object','properties':{'s_1':{'type':'string'}},'additionalProperties':false}";
            compatible(writer, "{'type':'object','patternProperties':{'^s_':{'type':'string'}},"
                    + "'additionalProperties':false}");
            incompatible(writer, "{'type':'object','patternProperties':{'^s_':{'type':'integer'}},"
                            + "'additionalProperties':false}",
                    "TYPE_CHANGED #/properties/s_1",
                    "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/s_1");
            incompatible("{'type':'object'}", "{'type':'object','patternProperties':{'^s_':{'type':'string'}}}",
                    "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/patternProperties/^s_");
        }

        @Test
        void unevaluatedPropertiesFalseClosesTheModel() {
            String closed = "{'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object',"
                    + "'properties':{'a':{'type':'string'}},'unevaluatedProperties':false}";
            compatible(closed, "{'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object',"
                    + "'properties':{'a':{'type':'string'},'b':{'type':'string'}},'unevaluatedProperties':false}");
            incompatible(closed, "{'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object',"
                            + "'unevaluatedProperties':false}",
                    "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/a");
            incompatible("{'type':'object'}", "{'type':'object','unevaluatedProperties':false}",
                    "UNEVALUATED_PROPERTIES_REMOVED #/unevaluatedProperties");
        }

        @Test
        void required() {
            String optional = "{'type':'object','properties':{'a':{'type':'string'}}}";
            String required = "{'type':'object','properties':{'a':{'type':'string'}},'required':['a']}";
            compatible(required, optional);
            incompatible(optional, required, "REQUIRED_ATTRIBUTE_ADDED #/required/a");
            compatible(optional, "{'type':'object','properties':{'a':{'type':'string','default':'x'}},"
                    + "'required':['a']}");
            incompatible("{'type':'object','required':['a']}", "{'type':'object','required':['a','b']}",
                    "REQUIRED_ATTRIBUTE_ADDED #/required/b");
        }

        @Test
        void propertyCountsAndDependencies() {
            incompatible("{'type':'object','maxProperties':5}", "{'type':'object','maxProperties':4}",
                    "MAX_PROPERTIES_DECREASED #/maxProperties");
            incompatible("{'type':'object'}", "{'type':'object','minProperties':1}",
                    "MIN_PROPERTIES_ADDED #/minProperties");
            compatible("{'type':'object','dependencies':{'a':['b','c']}}",
                    "{'type':'object','dependencies':{'a':['b']}}");
            incompatible("{'type':'object','dependentRequired':{'a':['b']}}",
                    "{'type':'object','dependentRequired':{'a':['b','c']}}",
                    "DEPENDENCY_ARRAY_EXTENDED #/dependentRequired/a");
        }
    }

    @Nested
    class Scalars {
        @Test
        void enums() {
            compatible("{'enum':['a','b']}", "{'enum':['b','a','c']}");
            incompatible("{'enum':['a','b']}", "{'enum':['a']}", "ENUM_ARRAY_NARROWED #/enum");
            incompatible("{'enum':['a','b']}", "{'enum':['a','c']}", "ENUM_ARRAY_CHANGED #/enum");
            compatible("{'enum':[1,2]}", "{'enum':[1.0,2.00,3]}");
        }

        @Test
        void enumOnATypedSchema() {
            compatible("{'type':'string','enum':['a']}", "{'type':'string','enum':['a','b']}");
            compatible("{'type':'string','enum':['a']}", "{'type':'string'}");
            incompatible("{'type':'string'}", "{'type':'string','enum':['a']}", "TYPE_CHANGED #/");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "'minimum':5            | 'minimum':4            | ",
                "'minimum':5            | 'minimum':6            | MINIMUM_INCREASED #/minimum",
                "'maximum':5            | 'maximum':4            | MAXIMUM_DECREASED #/maximum",
                "                       | 'maximum':4            | MAXIMUM_ADDED #/maximum",
                "'exclusiveMinimum':5   | 'minimum':5            | ",
                "'minimum':5            | 'exclusiveMinimum':5   | EXCLUSIVE_MINIMUM_ADDED #/exclusiveMinimum",
                "'exclusiveMaximum':5   | 'maximum':10           | ",
                "'multipleOf':10        | 'multipleOf':5         | ",
                "'multipleOf':5         | 'multipleOf':10        | MULTIPLE_OF_EXPANDED #/multipleOf",
                "'multipleOf':0.3       | 'multipleOf':0.1       | ",
                "'multipleOf':7         | 'multipleOf':13        | MULTIPLE_OF_CHANGED #/multipleOf",
        })
        void numericBounds(String writer, String reader, String expected) {
            String w = "{'type':'number'" + (writer == null ? "" : "," + writer) + "}";
            String r = "{'type':'number'" + (reader == null ? "" : "," + reader) + "}";
            assertEquals(expected == null ? List.of() : List.of(expected), problems(w, r));
        }

        @Test
        void draft4BooleanExclusiveMinimumMeansTheSameAsDraft6Number() {
            String draft4 = "{'$schema':'http://json-schema.org/draft-04/schema#','type':'number',"
                    + "'minimum':10,'exclusiveMinimum':true}";
            String draft7 = "{'$schema':'http://json-schema.org/draft-07/schema#','type':'number',"
                    + "'exclusiveMinimum':10}";
            compatible(draft4, draft7);
            compatible(draft7, draft4);
            incompatible("{'type':'number','minimum':10}", draft4, "EXCLUSIVE_MINIMUM_ADDED #/exclusiveMinimum");
        }

        @Test
        void integersAreMultiplesOfAnyUnitFraction() {
            compatible("{'type':'integer'}", "{'type':'integer','multipleOf':0.5}");
            incompatible("{'type':'integer'}", "{'type':'integer','multipleOf':2}", "MULTIPLE_OF_ADDED #/multipleOf");
        }

        @Test
        void strings() {
            compatible("{'type':'string','minLength':5,'maxLength':10}", "{'type':'string','minLength':4}");
            incompatible("{'type':'string','minLength':5}", "{'type':'string','minLength':6,'maxLength':9}",
                    "MAX_LENGTH_ADDED #/maxLength", "MIN_LENGTH_INCREASED #/minLength");
            compatible("{'type':'string','pattern':'^a'}", "{'type':'string'}");
            incompatible("{'type':'string','pattern':'^a'}", "{'type':'string','pattern':'^b'}",
                    "PATTERN_CHANGED #/pattern");
        }
    }

    @Nested
    class Arrays {
        @Test
        void items() {
            compatible("{'type':'array','items':{'type':'integer'}}", "{'type':'array','items':{'type':'number'}}");
            incompatible("{'type':'array','items':{'type':'string'}}", "{'type':'array','items':{'type':'number'}}",
                    "TYPE_CHANGED #/items");
            incompatible("{'type':'array'}", "{'type':'array','items':{'type':'string'}}", "SCHEMA_ADDED #/items");
            compatible("{'type':'array','items':{'type':'string'}}", "{'type':'array'}");
        }

        @Test
        void tuplesInDraft7AndPrefixItemsIn2020() {
            incompatible("{'type':'array','items':[{'type':'string'},{'type':'number'}],'additionalItems':false}",
                    "{'type':'array','items':[{'type':'string'}],'additionalItems':false}",
                    "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL #/items/1");
            String v2020 = "'$schema':'https://json-schema.org/draft/2020-12/schema','type':'array',";
            compatible("{" + v2020 + "'prefixItems':[{'type':'string'}],'items':false}",
                    "{" + v2020 + "'prefixItems':[{'type':'string'},{'type':'number'}],'items':false}");
            incompatible("{" + v2020 + "'prefixItems':[{'type':'string'}]}",
                    "{" + v2020 + "'prefixItems':[{'type':'string'},{'type':'number'}]}",
                    "ITEM_ADDED_TO_OPEN_CONTENT_MODEL #/prefixItems/1");
            compatible("{" + v2020 + "'prefixItems':[{'type':'string'},{'type':'number'}],'items':false}",
                    "{" + v2020 + "'prefixItems':[{'type':'string'}],'items':{'type':'number'}}");
        }

        @Test
        void countsAndUniqueness() {
            incompatible("{'type':'array','minItems':1}", "{'type':'array','minItems':2}",
                    "MIN_ITEMS_INCREASED #/minItems");
            incompatible("{'type':'array','maxItems':3}", "{'type':'array','maxItems':2}",
                    "MAX_ITEMS_DECREASED #/maxItems");
            incompatible("{'type':'array'}", "{'type':'array','uniqueItems':true}", "UNIQUE_ITEMS_ADDED #/uniqueItems");
            compatible("{'type':'array','uniqueItems':true,'maxItems':2}", "{'type':'array'}");
        }
    }

    @Nested
    class Combinations {
        @Test
        void unionsMayGrowNotShrink() {
            compatible("{'oneOf':[{'type':'string'},{'type':'number'}]}",
                    "{'oneOf':[{'type':'number'},{'type':'string'},{'type':'null'}]}");
            incompatible("{'anyOf':[{'type':'string'},{'type':'number'}]}", "{'anyOf':[{'type':'string'}]}",
                    "SUM_TYPE_NARROWED #/");
            compatible("{'type':'string'}", "{'oneOf':[{'type':'null'},{'type':'string'}]}");
        }

        @Test
        void criterionMayOnlyLoosen() {
            compatible("{'allOf':[{'type':'number'},{'minimum':1}]}", "{'anyOf':[{'type':'number'},{'minimum':1}]}");
            incompatible("{'anyOf':[{'type':'number'},{'minimum':1}]}", "{'allOf':[{'type':'number'},{'minimum':1}]}",
                    "COMBINED_TYPE_CHANGED #/");
        }

        @Test
        void intersectionsMayShrinkNotGrow() {
            compatible("{'allOf':[{'type':'string'},{'maxLength':5}]}", "{'allOf':[{'type':'string'}]}");
            incompatible("{'allOf':[{'type':'string'}]}", "{'allOf':[{'type':'string'},{'maxLength':5}]}",
                    "PRODUCT_TYPE_EXTENDED #/");
        }

        @Test
        void changedBranchIsReportedWhereItIs() {
            incompatible("{'oneOf':[{'type':'string'},{'type':'object','properties':{'a':{'type':'string'}},"
                            + "'additionalProperties':false}]}",
                    "{'oneOf':[{'type':'string'},{'type':'object','additionalProperties':false}]}",
                    "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/oneOf/1/properties/a");
            incompatible("{'oneOf':[{'type':'string'}]}", "{'oneOf':[{'type':'number'}]}",
                    "COMBINED_TYPE_SUBSCHEMAS_CHANGED #/");
        }

        @Test
        void not() {
            compatible("{'not':{'type':'number'}}", "{'not':{'type':'integer'}}");
            incompatible("{'not':{'type':'integer'}}", "{'not':{'type':'number'}}", "NOT_TYPE_EXTENDED #/not");
        }

        @Test
        void conditionals() {
            String base = "{'type':'object','if':{'properties':{'k':{'const':1}}},'then':%s}";
            compatible(String.format(base, "{'required':['a']}"), String.format(base, "{}"));
            incompatible(String.format(base, "{}"), String.format(base, "{'required':['a']}"),
                    "TYPE_CHANGED #/then");
        }
    }

    @Nested
    class References {
        @Test
        void refsToDefinitionsAndDefsAreFollowed() {
            String writer = "{'type':'object','properties':{'a':{'$ref':'#/definitions/A'}},"
                    + "'definitions':{'A':{'type':'string'}}}";
            compatible(writer, "{'type':'object','properties':{'a':{'type':'string'}}}");
            incompatible(writer, "{'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object',"
                    + "'properties':{'a':{'$ref':'#/$defs/B'}},'$defs':{'B':{'type':'number'}}}",
                    "TYPE_CHANGED #/properties/a");
        }

        @Test
        void anchorsAndIds() {
            compatible("{'properties':{'a':{'$ref':'#A'}},'definitions':{'A':{'$id':'#A','type':'string'}}}",
                    "{'$schema':'https://json-schema.org/draft/2020-12/schema','properties':{'a':{'$ref':'#A'}},"
                            + "'$defs':{'A':{'$anchor':'A','type':'string'}}}");
        }

        static final String TREE = "{'$ref':'#/definitions/node','definitions':{'node':{'type':'object',"
                + "'properties':{'value':{'type':'%s'},"
                + "'children':{'type':'array','items':{'$ref':'#/definitions/node'}}}}}}";

        @Test
        void recursiveSchemasTerminate() {
            assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
                compatible(String.format(TREE, "integer"), String.format(TREE, "integer"));
                compatible(String.format(TREE, "integer"), String.format(TREE, "number"));
                incompatible(String.format(TREE, "number"), String.format(TREE, "integer"),
                        "TYPE_NARROWED #/properties/value");
            });
        }

        @Test
        void refLoopsAcceptEverything() {
            compatible("{'type':'string'}",
                    "{'$ref':'#/definitions/a','definitions':{'a':{'$ref':'#/definitions/a'}}}");
        }

        @Test
        void registryReferencesResolveByName() {
            SchemaReference ref = new SchemaReference("address.json", "address", 1);
            String main = "{'type':'object','properties':{'home':{'$ref':'address.json'}}}".replace('\'', '"');
            ParsedSchema v1 = FORMAT.parse(main, List.of(ref), List.of(new ResolvedReference(ref,
                    "{\"type\":\"object\",\"properties\":{\"zip\":{\"type\":\"string\"}}}")), false);
            ParsedSchema v2 = FORMAT.parse(main, List.of(ref), List.of(new ResolvedReference(ref,
                    "{\"type\":\"object\",\"properties\":{\"zip\":{\"type\":\"number\"}}}")), false);
            assertEquals(List.of(), problems(v1, v1));
            assertEquals(List.of("TYPE_CHANGED #/properties/home/properties/zip"), problems(v1, v2));
        }

        @Test
        void unresolvedExternalRefsCompareByName() {
            compatible("{'$ref':'other.json'}", "{'$ref':'other.json'}");
            incompatible("{'$ref':'other.json'}", "{'$ref':'another.json'}", "TYPE_CHANGED #/");
        }
    }

    @Test
    void largeUnionsOfRecursiveDefinitionsStayFast() {
        StringBuilder defs = new StringBuilder();
        StringBuilder branches = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            defs.append(i == 0 ? "" : ",").append("'d").append(i).append("':{'type':'object','properties':{");
            for (int j = 0; j < 12; j++) {
                defs.append(j == 0 ? "" : ",").append("'p").append(j).append("':{'oneOf':[{'type':'null'},"
                        + "{'$ref':'#/definitions/d").append(j).append("'}]}");
            }
            defs.append("}}");
            branches.append(i == 0 ? "" : ",").append("{'$ref':'#/definitions/d").append(i).append("'}");
        }
        String schema = "{'oneOf':[" + branches + "],'definitions':{" + defs + "}}";
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> compatible(schema, schema));
    }
}
