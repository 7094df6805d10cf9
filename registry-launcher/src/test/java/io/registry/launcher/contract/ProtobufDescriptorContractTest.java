package io.registry.launcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Protobuf schemas sent as the base64 of a {@code FileDescriptorProto}, as Confluent's Python and JavaScript
 * Protobuf serializers send them: registered and looked up as the {@code .proto} text they stand for.
 */
class ProtobufDescriptorContractTest extends ContractBase {
    private static final String ORDER = """
            syntax = "proto3";
            package acme.contract.v1;
            import "google/protobuf/timestamp.proto";
            message Order {
              string id = 1;
              map<string, Line> lines = 2;
              google.protobuf.Timestamp placed_at = 3;
              optional string note = 4;
              oneof payment { string card = 5; string voucher = 6; }
              message Line { int32 qty = 1; Kind kind = 2; enum Kind { KIND_UNSPECIFIED = 0; KIND_BOX = 1; } }
            }
            """;

    @Test
    void aDescriptorRegistersAndLooksUpAsItsText() {
        String asText = subject("desc-text");
        int id = registerBody(asText, proto(ORDER));
        String descriptor = client.get("/schemas/ids/" + id + "?format=serialized").ok().get("schema").asText();

        String asDescriptor = subject("desc-b64");
        JsonNode registered = client.post("/subjects/" + asDescriptor + "/versions", proto(descriptor)).fields("id");
        assertEquals(id, registered.get("id").asInt(), "the same schema as text and as descriptor: one id");
        JsonNode found = client.post("/subjects/" + asDescriptor, proto(descriptor))
                .fields("subject", "version", "id", "schemaType", "schema");
        assertEquals(1, found.get("version").asInt());
        assertEquals(id, found.get("id").asInt());
        assertTrue(found.get("schema").asText().contains("map<string, Line> lines = 2;"), found.toString());
        assertEquals(id, client.post("/subjects/" + asText, proto(descriptor)).ok().get("id").asInt());
        // registering it again is idempotent
        assertEquals(id, client.post("/subjects/" + asDescriptor + "/versions", proto(descriptor)).ok()
                .get("id").asInt());
        assertEquals(1, client.get("/subjects/" + asDescriptor + "/versions").ints().size());
    }

    @Test
    void aHandBuiltDescriptorIsStoredAsProtoText() {
        // what Confluent's Python ProtobufSerializer sends for a message class built from a descriptor
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("python_user.proto")
                .setPackage("acme.contract").setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder().setName("User")
                        .addField(field("name", 1, Type.TYPE_STRING))
                        .addField(field("age", 2, Type.TYPE_INT32)))
                .build();
        String s = subject("desc-python");
        int id = client.post("/subjects/" + s + "/versions",
                proto(Base64.getEncoder().encodeToString(file.toByteArray()))).fields("id").get("id").asInt();
        String stored = client.get("/schemas/ids/" + id).ok().get("schema").asText();
        assertEquals("syntax = \"proto3\";\n\npackage acme.contract;\n\nmessage User {\n  string name = 1;\n\n"
                + "  int32 age = 2;\n}\n", stored);
        assertEquals(id, registerBody(subject("desc-python-text"), proto(stored)));
    }

    @Test
    void aDescriptorWithAnImportUsesTheReferences() {
        String address = subject("desc-address");
        registerBody(address, proto("syntax = \"proto3\";\npackage acme.common;\nmessage Address { string city = 1; }\n"));
        String refs = ",\"references\":[{\"name\":\"acme/address.proto\",\"subject\":\"" + address + "\",\"version\":1}]";
        String customer = "syntax = \"proto3\";\npackage acme.crm;\nimport \"acme/address.proto\";\n"
                + "message Customer {\n  acme.common.Address home = 1;\n}\n";
        String asText = subject("desc-customer-text");
        int id = client.post("/subjects/" + asText + "/versions", proto(customer, refs)).ok().get("id").asInt();
        String descriptor = client.get("/schemas/ids/" + id + "?format=serialized").ok().get("schema").asText();
        String asDescriptor = subject("desc-customer-b64");
        assertEquals(id, client.post("/subjects/" + asDescriptor + "/versions", proto(descriptor, refs)).ok()
                .get("id").asInt());
        // without the reference the import does not resolve: an invalid schema, as for the text
        client.post("/subjects/" + subject("desc-noref") + "/versions", proto(descriptor)).error(422, 42201);
    }

    @Test
    void base64ThatIsNoDescriptorIsAnInvalidSchema() {
        client.post("/subjects/" + subject("desc-bad") + "/versions",
                proto(Base64.getEncoder().encodeToString(new byte[]{(byte) 0xff, 0x13, 0x00}))).error(422, 42201);
    }

    private static int registerBody(String subject, String body) {
        return client.post("/subjects/" + subject + "/versions", body).fields("id").get("id").asInt();
    }

    private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
                .setLabel(Label.LABEL_OPTIONAL).setJsonName(name);
    }

    private static String proto(String schema) {
        return proto(schema, "");
    }

    private static String proto(String schema, String more) {
        return "{\"schemaType\":\"PROTOBUF\",\"schema\":" + Client.quoted(schema) + more + "}";
    }
}
