package io.registry.launcher;

import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.ParsedSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.Config;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.Metadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.Rule;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.RuleKind;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.RuleMode;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.RuleSet;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.SchemaReference;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.SubjectVersion;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.requests.RegisterSchemaResponse;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumReader;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumWriter;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;
import org.apache.flink.avro.shaded.org.apache.avro.io.BinaryEncoder;
import org.apache.flink.avro.shaded.org.apache.avro.io.DecoderFactory;
import org.apache.flink.avro.shaded.org.apache.avro.io.EncoderFactory;
import org.apache.flink.formats.avro.registry.confluent.ConfluentSchemaRegistryCoder;
import io.registry.launcher.ClientChecks.Check;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.registry.launcher.ClientChecks.check;
import static io.registry.launcher.ClientChecks.refused;
import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static io.registry.launcher.Schemas.fieldWithDefault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Confluent's Java client, {@code CachedSchemaRegistryClient} 7.5.3 (relocated inside Flink's
 * flink-sql-avro-confluent-registry): one check per public method of {@code SchemaRegistryClient} that talks to the
 * registry, each with a new client (empty caches) so that every call reaches the registry, then the Avro wire format
 * through Flink's {@code ConfluentSchemaRegistryCoder}. The jar carries only the Avro schema provider; JSON Schema
 * and Protobuf go through its {@code RestService} ({@link RestServiceChecks}).
 */
final class JavaClientChecks {
    private static final String NAMESPACE = "io.registry.clients";

    private final String url;
    private final String topic = "java-" + UUID.randomUUID().toString().substring(0, 8);
    private final String subject = topic + "-value";
    private final String v1 = avro("JavaUser", field("name", "string"), field("age", "int"));
    private final String v2 = avro("JavaUser", field("name", "string"), field("age", "int"),
            fieldWithDefault("email", "string", "\"\""));
    private final String bad = avro("JavaUser", field("name", "string"), field("age", "int"),
            field("email", "string"));
    private int id1;
    private int id2;

    JavaClientChecks(String url) {
        this.url = url;
    }

    private static String avro(String name, String... fields) {
        return avroRecord(name, fields).replaceFirst("\\{", "{\"namespace\":\"" + NAMESPACE + "\",");
    }

    private CachedSchemaRegistryClient fresh() {
        return new CachedSchemaRegistryClient(url, 100);
    }

    private String scratch(String what) {
        return topic + "-" + what;
    }

    List<Check> checks() {
        return List.of(
                // ---------------------------------------------------------------- register / read
                check("register(subject, schema)", () -> {
                    id1 = fresh().register(subject, new AvroSchema(v1));
                    assertTrue(id1 > 0);
                    assertEquals(id1, fresh().register(subject, new AvroSchema(v1)));
                    refused(409, 409, () -> fresh().register(subject, new AvroSchema(bad)));
                }),
                check("register(subject, schema, normalize)", () ->
                        assertEquals(id1, fresh().register(subject, new AvroSchema(v1), true))),
                check("registerWithResponse", () -> {
                    RegisterSchemaResponse r = fresh().registerWithResponse(subject, new AvroSchema(v1), false);
                    assertEquals(id1, r.getId());
                }),
                check("getSchemaById", () -> assertEquals(new AvroSchema(v1), fresh().getSchemaById(id1))),
                check("getSchemaBySubjectAndId", () -> {
                    assertEquals(new AvroSchema(v1), fresh().getSchemaBySubjectAndId(subject, id1));
                    assertEquals(new AvroSchema(v1), fresh().getSchemaBySubjectAndId(null, id1));
                }),
                check("getId(subject, schema), getId(subject, schema, normalize)", () -> {
                    assertEquals(id1, fresh().getId(subject, new AvroSchema(v1)));
                    assertEquals(id1, fresh().getId(subject, new AvroSchema(v1), true));
                    refused(404, 40403, () -> fresh().getId(subject, new AvroSchema(v2)));
                }),
                check("getVersion(subject, schema), getVersion(subject, schema, normalize)", () -> {
                    assertEquals(1, fresh().getVersion(subject, new AvroSchema(v1)));
                    assertEquals(1, fresh().getVersion(subject, new AvroSchema(v1), true));
                }),
                check("getLatestSchemaMetadata", () -> {
                    SchemaMetadata latest = fresh().getLatestSchemaMetadata(subject);
                    assertEquals(id1, latest.getId());
                    assertEquals(1, latest.getVersion());
                    assertEquals("AVRO", latest.getSchemaType());
                    assertEquals(new AvroSchema(v1), new AvroSchema(latest.getSchema()));
                }),
                check("getSchemaMetadata(subject, version)", () -> {
                    assertEquals(id1, fresh().getSchemaMetadata(subject, 1).getId());
                    refused(404, 40402, () -> fresh().getSchemaMetadata(subject, 7));
                }),
                check("getByVersion(subject, version, deleted)", () -> {
                    var s = fresh().getByVersion(subject, 1, false);
                    assertEquals(subject, s.getSubject());
                    assertEquals(id1, s.getId());
                }),
                check("getAllVersions(subject)", () -> assertEquals(List.of(1), fresh().getAllVersions(subject))),
                check("getAllSubjects(), getAllSubjects(deleted)", () -> {
                    assertTrue(fresh().getAllSubjects().contains(subject));
                    assertTrue(fresh().getAllSubjects(true).contains(subject));
                }),
                check("getAllSubjectsByPrefix", () ->
                        assertEquals(List.of(subject), List.copyOf(fresh().getAllSubjectsByPrefix(topic + "-val")))),
                check("getAllSubjectsById", () -> assertTrue(fresh().getAllSubjectsById(id1).contains(subject))),
                check("getAllVersionsById", () -> assertTrue(fresh().getAllVersionsById(id1)
                        .contains(new SubjectVersion(subject, 1)))),
                check("getSchemas(subjectPrefix, deleted, latestOnly)", () -> {
                    List<ParsedSchema> all = fresh().getSchemas(subject, false, false);
                    assertEquals(List.of(new AvroSchema(v1)), all);
                }),

                // ---------------------------------------------------------------- compatibility
                check("testCompatibility", () -> {
                    assertTrue(fresh().testCompatibility(subject, new AvroSchema(v2)));
                    assertFalse(fresh().testCompatibility(subject, new AvroSchema(bad)));
                }),
                check("testCompatibilityVerbose(subject, schema), (subject, schema, normalize)", () -> {
                    assertEquals(List.of(), fresh().testCompatibilityVerbose(subject, new AvroSchema(v2)));
                    List<String> why = fresh().testCompatibilityVerbose(subject, new AvroSchema(bad), true);
                    assertFalse(why.isEmpty());
                    assertTrue(why.toString().contains("email"), why.toString());
                }),
                check("updateCompatibility, getCompatibility (subject), then register v2", () -> {
                    refused(404, 40408, () -> fresh().getCompatibility(subject));
                    assertEquals("FULL", fresh().updateCompatibility(subject, "FULL"));
                    assertEquals("FULL", fresh().getCompatibility(subject));
                    id2 = fresh().register(subject, new AvroSchema(v2));
                    assertNotEquals(id1, id2);
                    assertEquals(id2, fresh().getLatestSchemaMetadata(subject).getId());
                }),
                check("deleteCompatibility (subject)", () -> {
                    fresh().deleteCompatibility(subject);
                    refused(404, 40408, () -> fresh().getCompatibility(subject));
                }),

                // ---------------------------------------------------------------- configs
                check("updateConfig, getConfig, deleteConfig (subject)", () -> {
                    String s = scratch("config");
                    fresh().register(s, new AvroSchema(v1));
                    Config set = new Config("FORWARD");
                    set.setNormalize(true);
                    Config answered = fresh().updateConfig(s, set);
                    assertEquals("FORWARD", answered.getCompatibilityLevel());
                    Config got = fresh().getConfig(s);
                    assertEquals("FORWARD", got.getCompatibilityLevel());
                    assertEquals(Boolean.TRUE, got.isNormalize());
                    fresh().deleteConfig(s);
                    refused(404, 40408, () -> fresh().getConfig(s));
                }),
                check("updateConfig, getConfig, deleteConfig (global, subject null; restored)", () -> {
                    String before = fresh().getConfig(null).getCompatibilityLevel();
                    try {
                        assertEquals("FULL_TRANSITIVE",
                                fresh().updateConfig(null, new Config("FULL_TRANSITIVE")).getCompatibilityLevel());
                        assertEquals("FULL_TRANSITIVE", fresh().getConfig(null).getCompatibilityLevel());
                        fresh().deleteConfig(null);
                        assertEquals("BACKWARD", fresh().getConfig(null).getCompatibilityLevel(),
                                "the server default after deleting the global config");
                    } finally {
                        fresh().updateConfig(null, new Config(before));
                    }
                    assertEquals(before, fresh().getConfig(null).getCompatibilityLevel());
                }),

                // ---------------------------------------------------------------- modes
                check("getMode, setMode(mode) (global; READWRITE)", () -> {
                    assertEquals("READWRITE", fresh().getMode());
                    assertEquals("READWRITE", fresh().setMode("READWRITE"));
                    assertEquals("READWRITE", fresh().getMode());
                }),
                check("setMode(mode, subject), getMode(subject), deleteMode(subject)", () -> {
                    String s = scratch("mode");
                    fresh().register(s, new AvroSchema(v1));
                    refused(404, 40409, () -> fresh().getMode(s));
                    assertEquals("READONLY", fresh().setMode("READONLY", s));
                    assertEquals("READONLY", fresh().getMode(s));
                    refused(422, 42205, () -> fresh().register(s, new AvroSchema(v2)));
                    fresh().deleteMode(s);
                    refused(404, 40409, () -> fresh().getMode(s));
                    assertTrue(fresh().register(s, new AvroSchema(v2)) > 0);
                }),
                check("setMode(mode, subject, force), register(subject, schema, version, id) (IMPORT)", () -> {
                    String s = scratch("import");
                    fresh().register(s, new AvroSchema(v1));
                    refused(422, 42205, () -> fresh().setMode("IMPORT", s, false));
                    assertEquals("IMPORT", fresh().setMode("IMPORT", s, true));
                    // a schema text no context has yet (the same text would keep its id: 42207)
                    String imported = avro("JavaImported_" + topic.substring(5), field("a", "string"));
                    int importedId = 900_000 + Math.floorMod(topic.hashCode(), 90_000);
                    assertEquals(importedId, fresh().register(s, new AvroSchema(imported), 5, importedId));
                    assertEquals(5, fresh().getSchemaMetadata(s, 5).getVersion());
                    assertEquals(new AvroSchema(imported), fresh().getSchemaById(importedId));
                    fresh().deleteMode(s);
                }),

                // ---------------------------------------------------------------- deletes
                check("deleteSchemaVersion(subject, version, permanent) (soft, then permanent)", () -> {
                    String s = scratch("delete-version");
                    fresh().register(s, new AvroSchema(v1));
                    fresh().register(s, new AvroSchema(v2));
                    assertEquals(2, fresh().deleteSchemaVersion(s, "2", false));
                    assertEquals(List.of(1), fresh().getAllVersions(s));
                    assertEquals(List.of(1, 2), fresh().getAllVersions(s, true));
                    refused(404, 40402, () -> fresh().getSchemaMetadata(s, 2));
                    assertEquals(2, fresh().getSchemaMetadata(s, 2, true).getVersion());
                    assertEquals(2, fresh().deleteSchemaVersion(s, "2", true));
                    refused(404, 40402, () -> fresh().getSchemaMetadata(s, 2, true));
                }),
                // (this client parses the version as an int: "latest" fails before any request)
                check("deleteSchemaVersion(headers, subject, version, permanent), deleteSchemaVersion(subject, "
                        + "version)", () -> {
                    String s = scratch("delete-headers");
                    fresh().register(s, new AvroSchema(v1));
                    fresh().register(s, new AvroSchema(v2));
                    assertEquals(2, fresh().deleteSchemaVersion(s, "2"));
                    assertEquals(2, fresh().deleteSchemaVersion(Map.of("X-Test", "1"), s, "2", true));
                    assertEquals(List.of(1), fresh().getAllVersions(s));
                }),
                check("deleteSubject(subject, permanent) (soft, then permanent)", () -> {
                    String s = scratch("delete-subject");
                    fresh().register(s, new AvroSchema(v1));
                    fresh().register(s, new AvroSchema(v2));
                    refused(404, 40405, () -> fresh().deleteSubject(s, true));
                    assertEquals(List.of(1, 2), fresh().deleteSubject(s, false));
                    assertFalse(fresh().getAllSubjects().contains(s));
                    assertTrue(fresh().getAllSubjects(true).contains(s));
                    refused(404, 40404, () -> fresh().deleteSubject(s, false));
                    assertEquals(List.of(1, 2), fresh().deleteSubject(s, true));
                    assertFalse(fresh().getAllSubjects(true).contains(s));
                }),
                check("deleteSubject(headers, subject, permanent), deleteSubject(subject)", () -> {
                    String s = scratch("delete-subject-headers");
                    fresh().register(s, new AvroSchema(v1));
                    assertEquals(List.of(1), fresh().deleteSubject(s));
                    assertEquals(List.of(1), fresh().deleteSubject(Map.of("X-Test", "1"), s, true));
                }),

                // ---------------------------------------------------------------- references, metadata, rule sets
                check("register with references, getSchemaById resolves them", () -> {
                    String addrSubject = scratch("address");
                    String address = avro("JavaAddress", field("city", "string"));
                    fresh().register(addrSubject, new AvroSchema(address));
                    String customer = avro("JavaCustomer", field("name", "string"),
                            field("address", NAMESPACE + ".JavaAddress"));
                    List<SchemaReference> refs = List.of(
                            new SchemaReference(NAMESPACE + ".JavaAddress", addrSubject, 1));
                    CachedSchemaRegistryClient c = fresh();
                    AvroSchema withRefs = (AvroSchema) c.parseSchema("AVRO", customer, refs).orElseThrow();
                    int id = c.register(scratch("customer"), withRefs);
                    ParsedSchema back = fresh().getSchemaById(id);
                    assertEquals(refs, back.references());
                    assertEquals("JavaAddress", ((Schema) back.rawSchema()).getField("address").schema().getName());
                    refused(422, 42206, () -> fresh().deleteSchemaVersion(addrSubject, "1", false));
                }),
                check("register with metadata and ruleSet, getLatestWithMetadata", () -> {
                    String s = scratch("contract");
                    Metadata teamA = new Metadata(Map.of(), Map.of("owner", "team-a"), Set.of());
                    Rule rule = new Rule("nameNotEmpty", null, RuleKind.CONDITION, RuleMode.WRITE, "CEL", null,
                            null, "message.name != ''", null, null, false);
                    RuleSet rules = new RuleSet(List.of(), List.of(rule));
                    int idA = fresh().register(s, new AvroSchema(v1, List.of(), Map.of(), teamA, rules, null, true));
                    SchemaMetadata a = fresh().getLatestSchemaMetadata(s);
                    assertEquals(Map.of("owner", "team-a"), a.getMetadata().getProperties());
                    assertEquals("message.name != ''", a.getRuleSet().getDomainRules().get(0).getExpr());
                    Metadata teamB = new Metadata(Map.of(), Map.of("owner", "team-b"), Set.of());
                    fresh().register(s, new AvroSchema(v2, List.of(), Map.of(), teamB, null, null, true));
                    SchemaMetadata found = fresh().getLatestWithMetadata(s, Map.of("owner", "team-a"), false);
                    assertEquals(idA, found.getId());
                    assertEquals(1, found.getVersion());
                    assertEquals(2, fresh().getLatestWithMetadata(s, Map.of("owner", "team-b"), false).getVersion());
                    refused(404, 40403, () -> fresh().getLatestWithMetadata(s, Map.of("owner", "c"), false));
                }),

                // ---------------------------------------------------------------- deprecated Avro-Schema overloads
                check("register, getId, getVersion, testCompatibility, getById, getByID, getBySubjectAndId, "
                        + "getBySubjectAndID with org.apache.avro.Schema (deprecated overloads)", () -> {
                    Schema schema = new Schema.Parser().parse(v1);
                    String s = scratch("deprecated");
                    assertEquals(id1, fresh().register(s, schema));
                    assertEquals(id1, fresh().getId(s, schema));
                    assertEquals(1, fresh().getVersion(s, schema));
                    assertTrue(fresh().testCompatibility(s, new Schema.Parser().parse(v2)));
                    assertEquals(schema, fresh().getById(id1));
                    assertEquals(schema, fresh().getByID(id1));
                    assertEquals(schema, fresh().getBySubjectAndId(s, id1));
                    assertEquals(schema, fresh().getBySubjectAndID(s, id1));
                }),

                // ---------------------------------------------------------------- local: no request
                check("parseSchema, getSchemaProviders, ticker, reset, close (client-side only)", () -> {
                    CachedSchemaRegistryClient c = fresh();
                    assertEquals(Set.of("AVRO"), c.getSchemaProviders().keySet(),
                            "the relocated jar carries only the Avro provider");
                    assertTrue(c.parseSchema("AVRO", v1, List.of()).isPresent());
                    assertTrue(c.ticker() != null);
                    assertEquals(id2, c.getLatestSchemaMetadata(subject).getId());
                    c.reset();
                    assertEquals(id2, c.getLatestSchemaMetadata(subject).getId(), "reads again after reset");
                    c.close();
                }),

                // ---------------------------------------------------------------- serde: Avro
                check("Avro wire format through ConfluentSchemaRegistryCoder (Flink's serde over the client)",
                        this::avroRoundTrip));
    }

    private void avroRoundTrip() throws Exception {
        Schema writer = new Schema.Parser().parse(v2);
        GenericRecord user = new GenericData.Record(writer);
        user.put("name", "Barbara");
        user.put("age", 84);
        user.put("email", "b@l.org");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ConfluentSchemaRegistryCoder(subject, fresh()).writeSchema(writer, out);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writer).write(user, encoder);
        encoder.flush();
        byte[] bytes = out.toByteArray();
        assertEquals(0, bytes[0], "magic byte");
        assertEquals(id2, ByteBuffer.wrap(bytes, 1, 4).getInt(), "schema id");

        InputStream in = new ByteArrayInputStream(bytes);
        Schema read = new ConfluentSchemaRegistryCoder(fresh()).readSchema(in);
        assertEquals(writer, read);
        GenericRecord back = new GenericDatumReader<GenericRecord>(read)
                .read(null, DecoderFactory.get().binaryDecoder(in, null));
        assertEquals(user.toString(), back.toString());
    }
}
