package io.registry.launcher;

import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.RestService;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.Schema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.SchemaReference;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.SchemaString;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.SubjectVersion;
import io.registry.launcher.ClientChecks.Check;

import java.util.List;
import java.util.UUID;

import static io.registry.launcher.ClientChecks.check;
import static io.registry.launcher.ClientChecks.refused;
import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java client's REST layer, {@code RestService} (7.5.3, relocated inside Flink's jar): JSON Schema and Protobuf
 * registration, lookup and compatibility with references (the relocated jar has no JSON Schema or Protobuf schema
 * provider, and Confluent's serdes for them are not on Maven Central), and its public methods that
 * {@code CachedSchemaRegistryClient} does not expose (contexts, raw schema reads, {@code referencedby},
 * deleted-only listings, server metadata). One check per method.
 */
final class RestServiceChecks {
    private static final String JSON_ADDRESS = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\","
            + "\"$id\":\"address.json\",\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}";
    private static final String JSON_CUSTOMER = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\","
            + "\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
            + "\"address\":{\"$ref\":\"address.json\"}}}";
    private static final String JSON_CUSTOMER_BAD = JSON_CUSTOMER.replace("\"type\":\"object\",",
            "\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"zip\"],");
    private static final String PROTO_ADDRESS = "syntax = \"proto3\";\npackage io.registry.clients;\n\n"
            + "message JavaProtoAddress {\n  string city = 1;\n}\n";
    private static final String PROTO_CUSTOMER = "syntax = \"proto3\";\npackage io.registry.clients;\n\n"
            + "import \"java_address.proto\";\n\nmessage JavaProtoCustomer {\n  string name = 1;\n"
            + "  JavaProtoAddress address = 2;\n}\n";
    private static final String PROTO_CUSTOMER_BAD = PROTO_CUSTOMER.replace("string name = 1;", "int64 name = 1;");

    private final String url;
    private final String prefix = "java-rest-" + UUID.randomUUID().toString().substring(0, 8);
    private final String context = ".java" + UUID.randomUUID().toString().substring(0, 6);

    RestServiceChecks(String url) {
        this.url = url;
    }

    private RestService rest() {
        return new RestService(url);
    }

    private String scratch(String what) {
        return prefix + "-" + what;
    }

    List<Check> checks() {
        return List.of(
                check("registerSchema, lookUpSubjectVersion, testCompatibility (JSON Schema, with a $ref reference)",
                        () -> {
                    String addr = scratch("json-address");
                    String s = scratch("json-customer");
                    assertTrue(rest().registerSchema(JSON_ADDRESS, "JSON", List.of(), addr).getId() > 0);
                    List<SchemaReference> refs = List.of(new SchemaReference("address.json", addr, 1));
                    int id = rest().registerSchema(JSON_CUSTOMER, "JSON", refs, s).getId();
                    Schema found = rest().lookUpSubjectVersion(JSON_CUSTOMER, "JSON", refs, s, false);
                    assertEquals(id, found.getId());
                    assertEquals("JSON", found.getSchemaType());
                    assertEquals(refs, found.getReferences());
                    assertEquals(List.of(), rest().testCompatibility(JSON_CUSTOMER, "JSON", refs, s, "latest", true));
                    assertFalse(rest().testCompatibility(JSON_CUSTOMER_BAD, "JSON", refs, s, "latest", true)
                            .isEmpty());
                }),
                check("registerSchema, lookUpSubjectVersion, testCompatibility (Protobuf, with an import reference)",
                        () -> {
                    String addr = scratch("proto-address");
                    String s = scratch("proto-customer");
                    rest().registerSchema(PROTO_ADDRESS, "PROTOBUF", List.of(), addr);
                    List<SchemaReference> refs = List.of(new SchemaReference("java_address.proto", addr, 1));
                    int id = rest().registerSchema(PROTO_CUSTOMER, "PROTOBUF", refs, s).getId();
                    Schema found = rest().lookUpSubjectVersion(PROTO_CUSTOMER, "PROTOBUF", refs, s, false);
                    assertEquals(id, found.getId());
                    assertEquals("PROTOBUF", found.getSchemaType());
                    assertEquals(List.of(), rest().testCompatibility(PROTO_CUSTOMER, "PROTOBUF", refs, s, "1", true));
                    assertFalse(rest().testCompatibility(PROTO_CUSTOMER_BAD, "PROTOBUF", refs, s, "1", true)
                            .isEmpty());
                    assertEquals(List.of(id), rest().getReferencedBy(addr, 1), "getReferencedBy");
                }),
                check("getId(id, subject, fetchMaxId), getOnlySchemaById", () -> {
                    String s = scratch("by-id");
                    int id = rest().registerSchema(PROTO_ADDRESS, "PROTOBUF", List.of(), s).getId();
                    SchemaString byId = rest().getId(id, s, true);
                    assertEquals("PROTOBUF", byId.getSchemaType());
                    assertTrue(byId.getSchemaString().contains("message JavaProtoAddress"));
                    assertNotNull(byId.getMaxId());
                    assertTrue(byId.getMaxId() >= id);
                    String avro = avroRecord("OnlySchema", field("a", "string"));
                    int avroId = rest().registerSchema(avro, s + "-avro");
                    assertEquals(avro, rest().getOnlySchemaById(avroId));
                }),
                check("getVersion, getLatestVersion, getVersionSchemaOnly, getLatestVersionSchemaOnly", () -> {
                    String s = scratch("versions");
                    String a1 = avroRecord("Versions", field("a", "string"));
                    String a2 = avroRecord("Versions", field("a", "string"),
                            Schemas.fieldWithDefault("b", "int", "0"));
                    int id1 = rest().registerSchema(a1, s);
                    int id2 = rest().registerSchema(a2, s);
                    assertEquals(id1, rest().getVersion(s, 1).getId());
                    assertEquals(id2, rest().getLatestVersion(s).getId());
                    assertEquals(a1, rest().getVersionSchemaOnly(s, 1));
                    assertEquals(a2, rest().getLatestVersionSchemaOnly(s));
                }),
                check("getAllVersions, getDeletedOnlyVersions, getAllSubjects(prefix, deleted), "
                        + "getDeletedOnlySubjects", () -> {
                    String s = scratch("deleted-only");
                    rest().registerSchema(avroRecord("DeletedOnly", field("a", "string")), s);
                    rest().registerSchema(avroRecord("DeletedOnly", field("a", "string"),
                            Schemas.fieldWithDefault("b", "int", "0")), s);
                    rest().deleteSchemaVersion(RestService.DEFAULT_REQUEST_PROPERTIES, s, "1");
                    assertEquals(List.of(2), rest().getAllVersions(s));
                    assertEquals(List.of(1), rest().getDeletedOnlyVersions(s));
                    String gone = scratch("deleted-subject");
                    rest().registerSchema(avroRecord("DeletedSubject", field("a", "string")), gone);
                    rest().deleteSubject(RestService.DEFAULT_REQUEST_PROPERTIES, gone);
                    assertEquals(List.of(), rest().getAllSubjects(gone, false));
                    assertEquals(List.of(gone), rest().getAllSubjects(gone, true));
                    assertEquals(List.of(gone), rest().getDeletedOnlySubjects(prefix));
                }),
                check("getAllSubjectsById, getAllVersionsById (id, subject, deleted)", () -> {
                    String s = scratch("users");
                    int id = rest().registerSchema(avroRecord("Users", field("a", "string")), s);
                    assertEquals(List.of(s), rest().getAllSubjectsById(id, s, false));
                    assertEquals(List.of(new SubjectVersion(s, 1)), rest().getAllVersionsById(id, s, false));
                }),
                check("getAllContexts, and a qualified subject (:.ctx:subject) in a schema context", () -> {
                    String qualified = ":" + context + ":" + scratch("in-context");
                    int id = rest().registerSchema(avroRecord("InContext", field("a", "string")), qualified);
                    assertEquals(1, id, "each context numbers its schemas from 1");
                    assertTrue(rest().getAllContexts().contains(context), rest().getAllContexts().toString());
                    assertEquals(qualified, rest().getLatestVersion(qualified).getSubject());
                    assertEquals(List.of(qualified), rest().getAllSubjectsById(id, qualified, false));
                    assertEquals(List.of(qualified), rest().getAllSubjects(":" + context + ":", false));
                }),
                check("getMode(subject, defaultToGlobal)", () -> {
                    String s = scratch("mode");
                    rest().registerSchema(avroRecord("Mode", field("a", "string")), s);
                    refused(404, 40409, () -> rest().getMode(s, false));
                    assertEquals("READWRITE", rest().getMode(s, true).getMode());
                }),
                check("getSchemaTypes", () ->
                        assertEquals(List.of("AVRO", "JSON", "PROTOBUF"), rest().getSchemaTypes())),
                check("getClusterId, getSchemaRegistryServerVersion", () -> {
                    assertNotNull(rest().getClusterId().getId());
                    assertTrue(rest().getClusterId().getScope().containsKey("clusters"));
                    assertNotNull(rest().getSchemaRegistryServerVersion().getVersion());
                }));
    }
}
