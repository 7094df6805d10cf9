package io.registry.core.validation;

import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import static io.registry.core.validation.PayloadValidatorsTest.assertErrors;
import static io.registry.core.validation.PayloadValidatorsTest.check;
import static io.registry.core.validation.PayloadValidatorsTest.validator;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payloads of messages with proto2 groups: in protobuf's JSON mapping a group is a nested message under the
 * field protoc makes of it, named by the group name lowercased.
 */
class ProtobufGroupPayloadTest {
    private static final String SEARCH = """
            syntax = "proto2";
            message M {
              optional group Result = 1 { required string url = 2; optional string title = 3; }
              repeated group Item = 4 { optional int32 n = 5; }
              oneof pick { string label = 6; group Choice = 7 { optional bool yes = 1; } }
            }
            """;

    @Test
    void groupsAreNestedObjectsUnderTheLowercasedGroupName() throws Exception {
        PayloadValidator v = validator(SchemaType.PROTOBUF, SEARCH);
        assertTrue(check(v, """
                {"result":{"url":"https://example.com","title":"Example"},"item":[{"n":1},{"n":2}],
                 "choice":{"yes":true}}""").valid());
        assertTrue(check(v, "{\"item\":[]}").valid());
    }

    @Test
    void groupContentsAreChecked() throws Exception {
        PayloadValidator v = validator(SchemaType.PROTOBUF, SEARCH);
        assertErrors(check(v, """
                {"result":{"url":5},"item":{"n":1},"label":"x","choice":{"yes":true},"Result":{}}"""),
                "/result/url", "type", "/item", "type", "/choice", "oneOf", "/Result", "additionalProperties");
    }
}
