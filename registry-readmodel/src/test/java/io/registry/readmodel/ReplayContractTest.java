package io.registry.readmodel;

import io.registry.core.log.LogHeaders;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogRecordCodec;
import io.registry.core.log.LogRecordReader;
import io.registry.core.log.LogValue;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.schema.Fingerprints;
import io.registry.core.schema.SchemaFormats;
import io.registry.core.schema.SchemaParser;
import io.registry.core.subject.HeapRegistryIndex;
import io.registry.core.subject.IndexedVersion;
import io.registry.core.subject.QualifiedSubject;
import io.registry.core.subject.RegistryStateMachine;
import io.registry.readmodel.postgres.PostgresProjectionStore;
import io.registry.readmodel.postgres.PostgresReadModel;
import io.registry.readmodel.redis.RedisProjectionStore;
import io.registry.readmodel.redis.RedisReadModel;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cross-store replay contract: the same raw log (bytes as Confluent, Karapace or this registry wrote them,
 * malformed records included) read by the one record reader and replayed into the sequencer's index, the Postgres
 * and the Redis projections must leave the same state, compared through one normalized view: subjects, versions
 * with their ids, deleted flags and metadata, schemas by (context, id), configs and modes, and which id a
 * registration's repeat of each content under each subject is answered with ({@link ReadModel#repeatOf}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayContractTest {
    @RegisterExtension
    static final ReadModelEnvironmentExtension ENV = ReadModelEnvironmentExtension.wipedBeforeEach();

    /** One raw record: key and value as written (null: none / tombstone), and the registry-seq header bytes. */
    record Raw(String key, String value, byte[] seq) {
        Raw(String key, String value) {
            this(key, value, null);
        }
    }

    record Scenario(String name, List<Raw> log) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The state a replay leaves, as every store can answer it. */
    record View(List<String> subjects, List<String> liveSubjects, Map<String, List<String>> versions,
                Map<String, String> schemas, Map<String, String> configs, Map<String, String> modes,
                Map<String, Integer> repeats) {
    }

    Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("confluent and karapace _schemas log", confluentAndKarapaceLog()),
                new Scenario("CLEAR_SUBJECT keeps a version registered after the soft delete", clearKeepsLive()),
                new Scenario("CLEAR_SUBJECT of a bare context clears that context only", clearContexts()),
                new Scenario("CLEAR_SUBJECT of \"\" clears the default context only", clearDefaultContext()),
                new Scenario("CLEAR_SUBJECT without subject clears every context", clearEveryContext()),
                new Scenario("malformed records, null keys, bad headers", malformed()),
                new Scenario("contexts, configs with extras, modes", contextsAndSettings()),
                new Scenario("random log, seed 7", randomLog(7, 600)),
                new Scenario("random log, seed 11", randomLog(11, 600)));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyStoreReadsTheLogTheSameWay(Scenario scenario) {
        List<PositionedEvent> events = read(scenario.log());
        Set<String> scopes = scopes(events);

        HeapRegistryIndex index = new HeapRegistryIndex();
        RegistryStateMachine machine = new RegistryStateMachine(new SchemaParser(SchemaFormats.standard()));
        events.forEach(e -> machine.apply(e.event(), index));
        View expected = view(index, scopes, events);

        // batches of uneven sizes, so that batch boundaries fall everywhere between related records
        for (ProjectionStore store : List.of(ENV.bean(PostgresProjectionStore.class),
                ENV.bean(RedisProjectionStore.class))) {
            int from = 0;
            int size = 1;
            while (from < events.size()) {
                int to = Math.min(events.size(), from + size);
                store.apply(events.subList(from, to));
                from = to;
                size = size * 3 % 17 + 1;
            }
        }
        assertEquals(expected, view(ENV.bean(PostgresReadModel.class), scopes, events), "postgres vs index");
        assertEquals(expected, view(ENV.bean(RedisReadModel.class), scopes, events), "redis vs index");
    }

    // --- reading -------------------------------------------------------------------------------------------------

    private static List<PositionedEvent> read(List<Raw> log) {
        List<PositionedEvent> events = new ArrayList<>();
        long seq = 0;
        for (int offset = 0; offset < log.size(); offset++) {
            Raw raw = log.get(offset);
            LogRecordReader.Read read = LogRecordReader.read(bytes(raw.key()), bytes(raw.value()), raw.seq(), seq);
            seq = read.seq();
            events.add(new PositionedEvent(offset, seq, read.event()));
        }
        return events;
    }

    /** Every subject and settings scope the log names (null: global); a clear's scope is no settings scope. */
    private static Set<String> scopes(List<PositionedEvent> events) {
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(null);
        events.stream().filter(e -> !(e.event().key() instanceof LogKey.ClearSubjectKey))
                .forEach(e -> scopes.add(LogRecordCodec.subjectOf(e.event().key())));
        return scopes;
    }

    /** (context, id) of every schema the log registers. */
    private static Set<Map.Entry<String, Integer>> schemaIds(List<PositionedEvent> events) {
        Set<Map.Entry<String, Integer>> ids = new LinkedHashSet<>();
        for (PositionedEvent e : events) {
            if (e.event().value() instanceof LogValue.SchemaValue v) {
                String subject = ((LogKey.SchemaKey) e.event().key()).subject();
                ids.add(Map.entry(QualifiedSubject.contextOf(subject), v.id()));
            }
        }
        return ids;
    }

    /** The fingerprint of every content the log registers, as the projections compute it from the record. */
    private static Set<String> fingerprints(List<PositionedEvent> events) {
        Set<String> fingerprints = new LinkedHashSet<>();
        for (PositionedEvent e : events) {
            if (e.event().value() instanceof LogValue.SchemaValue v) {
                fingerprints.add(Fingerprints.of(v.schemaType(), v.schema(), v.references()));
            }
        }
        return fingerprints;
    }

    // --- the normalized view -------------------------------------------------------------------------------------

    private static View view(HeapRegistryIndex index, Set<String> scopes, List<PositionedEvent> events) {
        Map<String, List<String>> versions = new TreeMap<>();
        List<String> live = new ArrayList<>();
        for (String subject : index.subjects()) {
            List<IndexedVersion> list = index.versions(subject);
            versions.put(subject, list.stream().map(v -> version(v.version(), v.id(), v.deleted(),
                    ReadModelJson.writeExtras(v.metadata(), v.ruleSet()))).toList());
            if (list.stream().anyMatch(v -> !v.deleted())) {
                live.add(subject);
            }
        }
        Map<String, String> schemas = new TreeMap<>();
        for (Map.Entry<String, Integer> id : schemaIds(events)) {
            index.schema(id.getKey(), id.getValue()).ifPresent(s -> schemas.put(id.getKey() + " " + id.getValue(),
                    schema(s.type().name(), s.schema(), s.references().toString())));
        }
        Map<String, String> configs = new TreeMap<>();
        Map<String, String> modes = new TreeMap<>();
        for (String scope : scopes) {
            index.config(scope).ifPresent(c -> configs.put(String.valueOf(scope), config(c)));
            index.mode(scope).ifPresent(m -> modes.put(String.valueOf(scope), m));
        }
        // a repeat is answered with the newest live version holding the content (ascending: the last one wins)
        Map<String, Integer> repeats = new TreeMap<>();
        for (String subject : index.subjects()) {
            for (IndexedVersion v : index.versions(subject)) {
                if (!v.deleted()) {
                    index.schema(QualifiedSubject.contextOf(subject), v.id()).ifPresent(s -> repeats.put(subject
                            + " " + Fingerprints.of(s.type(), s.schema(), s.references()), v.id()));
                }
            }
        }
        return new View(index.subjects(), live.stream().sorted().toList(), versions, schemas, configs, modes,
                repeats);
    }

    private static View view(ReadModel reads, Set<String> scopes, List<PositionedEvent> events) {
        Map<String, List<String>> versions = new TreeMap<>();
        List<String> subjects = reads.subjects(true).stream().sorted().toList();
        for (String subject : subjects) {
            versions.put(subject, reads.versions(subject).stream().map(v -> version(v.version(), v.schemaId(),
                    v.deleted(), reads.versionExtras(subject, v.version())
                            .map(x -> ReadModelJson.writeExtras(x.metadata(), x.ruleSet())).orElse(null)))
                    .toList());
        }
        Map<String, String> schemas = new TreeMap<>();
        for (Map.Entry<String, Integer> id : schemaIds(events)) {
            reads.schemaById(id.getKey(), id.getValue()).ifPresent(s -> schemas.put(id.getKey() + " " + id.getValue(),
                    schema(s.type().name(), s.schema(), s.references().toString())));
        }
        Map<String, String> configs = new TreeMap<>();
        Map<String, String> modes = new TreeMap<>();
        for (String scope : scopes) {
            reads.config(scope).ifPresent(c -> configs.put(String.valueOf(scope), config(c)));
            reads.mode(scope).ifPresent(m -> modes.put(String.valueOf(scope), m));
        }
        Map<String, Integer> repeats = new TreeMap<>();
        for (String subject : subjects) {
            for (String fingerprint : fingerprints(events)) {
                reads.repeatOf(subject, fingerprint).ifPresent(id -> repeats.put(subject + " " + fingerprint, id));
            }
        }
        return new View(subjects, reads.subjects(false).stream().sorted().toList(), versions, schemas, configs,
                modes, repeats);
    }

    private static String version(int version, int id, boolean deleted, String extras) {
        return version + " id=" + id + (deleted ? " deleted" : "") + (extras == null ? "" : " " + extras);
    }

    private static String schema(String type, String text, String references) {
        return type + " " + text + " " + references;
    }

    private static String config(ConfigValue config) {
        return new String(LogRecordCodec.encodeValue(config), StandardCharsets.UTF_8);
    }

    // --- logs ----------------------------------------------------------------------------------------------------

    private static List<Raw> confluentAndKarapaceLog() {
        List<Raw> log = new ArrayList<>();
        log.add(new Raw("{\"keytype\":\"NOOP\",\"magic\":0}", null));
        log.add(new Raw(configKey(null), "{\"compatibilityLevel\":\"FULL\"}"));
        log.add(new Raw(configKey(null), "{\"compatibilityLevel\":\"NONE\"}"));
        // Confluent's key order; v2 soft-deleted, then hard-deleted
        log.add(schema(key("users-value", 1), "users-value", 1, 1, avro("User"), false));
        log.add(schema(key("users-value", 2), "users-value", 2, 2, avro("User2"), false));
        log.add(schema(key("users-value", 2), "users-value", 2, 2, avro("User2"), true));
        log.add(new Raw(key("users-value", 2), null));
        log.add(new Raw(configKey("users-value"), "{\"compatibilityLevel\":\"BACKWARD\"}"));
        // Karapace's deprecated key order and spaced JSON
        log.add(schema("{\"subject\":\"orders-value\",\"version\":1,\"magic\":1,\"keytype\":\"SCHEMA\"}",
                "orders-value", 1, 3, avro("Order"), false));
        String spaced = "{\"keytype\": \"SCHEMA\", \"subject\": \"orders-value\", \"version\": 2, \"magic\": 1}";
        log.add(schema(spaced, "orders-value", 2, 4, avro("Order2"), false));
        log.add(schema(spaced, "orders-value", 2, 4, avro("Order2"), true));
        // DELETE_SUBJECT, and CLEAR_SUBJECT + tombstones as Confluent writes them on the way to IMPORT mode
        log.add(schema(key("gone-value", 1), "gone-value", 1, 5, avro("Gone"), false));
        log.add(new Raw(deleteKey("gone-value"), "{\"subject\":\"gone-value\",\"version\":1}"));
        log.add(schema(key("cleared-value", 1), "cleared-value", 1, 6, avro("Cleared"), false));
        log.add(schema(key("cleared-value", 2), "cleared-value", 2, 7, avro("Cleared2"), false));
        log.add(new Raw(deleteKey("cleared-value"), "{\"subject\":\"cleared-value\",\"version\":2}"));
        log.add(new Raw(key("cleared-value", 1), null));
        log.add(new Raw(clearKey("cleared-value"), "{\"subject\":\"cleared-value\"}"));
        log.add(new Raw(modeKey("cleared-value"), "{\"mode\":\"IMPORT\"}"));
        // a JSON Schema, a mode, a config removed again, an id gap, a context with its own ids
        log.add(schema(key("json-value", 1), "json-value", 1, 8,
                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}", false, "JSON"));
        log.add(schema(key("frozen-value", 1), "frozen-value", 1, 9, avro("Frozen"), false));
        log.add(new Raw(modeKey("frozen-value"), "{\"mode\":\"READONLY\"}"));
        log.add(new Raw(configKey("frozen-value"), "{\"compatibilityLevel\":\"FORWARD\"}"));
        log.add(new Raw(configKey("frozen-value"), null));
        log.add(schema(key("gap-value", 1), "gap-value", 1, 12, avro("Gap"), false));
        log.add(schema(key(":.ctx:ctx-value", 1), ":.ctx:ctx-value", 1, 1, avro("Ctx"), false));
        // the same schema under a second subject (one id, two usages)
        log.add(schema(key("users-copy", 1), "users-copy", 1, 1, avro("User"), false));
        log.add(new Raw("{\"keytype\":\"NOOP\",\"magic\":0}", null));
        return log;
    }

    /** Where the index (all versions) and the read models (soft-deleted only) used to disagree. */
    private static List<Raw> clearKeepsLive() {
        List<Raw> log = new ArrayList<>();
        log.add(schema(key("s", 1), "s", 1, 1, avro("S1"), false));
        log.add(schema(key("s", 2), "s", 2, 2, avro("S2"), false));
        log.add(new Raw(deleteKey("s"), "{\"subject\":\"s\",\"version\":2}"));
        log.add(schema(key("s", 3), "s", 3, 3, avro("S3"), false));
        log.add(new Raw(clearKey("s"), "{\"subject\":\"s\"}"));
        // a CLEAR_SUBJECT of a subject with nothing deleted, and one of an unknown subject
        log.add(schema(key("t", 1), "t", 1, 4, avro("T1"), false));
        log.add(new Raw(clearKey("t"), "{\"subject\":\"t\"}"));
        log.add(new Raw(clearKey("nobody"), "{\"subject\":\"nobody\"}"));
        // a CLEAR_SUBJECT tombstone changes nothing
        log.add(new Raw(clearKey("s"), null));
        return log;
    }

    /**
     * Soft-deleted versions in three contexts: "a" (v1, v2 deleted, v3 live), "b" (all deleted), ":.c:x" (v1
     * deleted, v2 live), ":.c:y" (all deleted), ":.d:z" (v1 deleted, v2 live); schemas shared across subjects, so
     * the usages of one id are cleared in some subjects and kept in others.
     */
    private static List<Raw> softDeletedInThreeContexts() {
        List<Raw> log = new ArrayList<>();
        log.add(schema(key("a", 1), "a", 1, 1, avro("A1"), false));
        log.add(schema(key("a", 2), "a", 2, 2, avro("A2"), false));
        log.add(new Raw(deleteKey("a"), "{\"subject\":\"a\",\"version\":2}"));
        log.add(schema(key("a", 3), "a", 3, 3, avro("A3"), false));
        log.add(schema(key("b", 1), "b", 1, 1, avro("A1"), true));
        log.add(schema(key(":.c:x", 1), ":.c:x", 1, 1, avro("C1"), false));
        log.add(schema(key(":.c:x", 1), ":.c:x", 1, 1, avro("C1"), true));
        log.add(schema(key(":.c:x", 2), ":.c:x", 2, 2, avro("C2"), false));
        log.add(schema(key(":.c:y", 1), ":.c:y", 1, 1, avro("C1"), false));
        log.add(new Raw(deleteKey(":.c:y"), "{\"subject\":\":.c:y\",\"version\":1}"));
        log.add(schema(key(":.d:z", 1), ":.d:z", 1, 1, avro("D1"), true));
        log.add(schema(key(":.d:z", 2), ":.d:z", 2, 2, avro("D2"), false));
        return log;
    }

    /**
     * A bare context, with and without its closing colon, is every subject of that context (Confluent's global or
     * context switch to IMPORT mode writes it); the wildcard context holds no subject.
     */
    private static List<Raw> clearContexts() {
        List<Raw> log = softDeletedInThreeContexts();
        log.add(new Raw(clearKey(":.c:"), "{\"subject\":\":.c:\"}"));
        log.add(new Raw(clearKey(":.d"), "{\"subject\":\":.d\"}"));
        log.add(new Raw(clearKey(":*:"), "{\"subject\":\":*:\"}"));
        log.add(new Raw(clearKey(":.nothing-here:"), "{\"subject\":\":.nothing-here:\"}"));
        return log;
    }

    private static List<Raw> clearDefaultContext() {
        List<Raw> log = softDeletedInThreeContexts();
        log.add(new Raw(clearKey(""), "{\"subject\":\"\"}"));
        return log;
    }

    /** Confluent's global switch to IMPORT mode: a null subject in key and value, then the global mode. */
    private static List<Raw> clearEveryContext() {
        List<Raw> log = softDeletedInThreeContexts();
        log.add(new Raw(clearKey(null), "{\"subject\":null}"));
        log.add(new Raw(modeKey(null), "{\"mode\":\"IMPORT\"}"));
        // versions registered after it stay, whatever comes next; a key without a subject field is the same key
        log.add(schema(key(":.c:y", 2), ":.c:y", 2, 3, avro("C3"), false));
        log.add(schema(key(":.c:y", 2), ":.c:y", 2, 3, avro("C3"), true));
        log.add(new Raw("{\"keytype\":\"CLEAR_SUBJECT\",\"magic\":0}", null));
        log.add(schema(key("b", 2), "b", 2, 4, avro("B2"), false));
        return log;
    }

    private static List<Raw> malformed() {
        List<Raw> log = new ArrayList<>();
        log.add(new Raw(key("m", 1), value("m", 1, 1, avro("M1"), false, null), seq(1)));
        log.add(new Raw(null, value("m", 2, 2, avro("M2"), false, null), seq(2)));     // no key
        log.add(new Raw("not json", "{}", seq(3)));
        log.add(new Raw("{\"keytype\":\"CONTEXT\",\"magic\":0}", "{}", seq(4)));   // unknown key type
        log.add(new Raw(key("m", 3), "{\"subject\":\"m\",\"version\":3,\"id\":3}", seq(5))); // no schema
        log.add(new Raw(key("m", 4), "[1,2]", seq(6)));
        log.add(new Raw(key("m", 5), value("m", 5, 5, avro("M5"), false, null), new byte[]{1, 2, 3})); // bad header
        log.add(new Raw(key("m", 6), value("m", 6, 6, avro("M6"), false, null)));   // no header
        log.add(new Raw("{\"keytype\":\"DELETE_SUBJECT\",\"magic\":0}", "{\"version\":1}")); // no subject
        log.add(new Raw(deleteKey("m"), null));                                           // no value
        // the value says another subject/version: the key decides
        log.add(new Raw(key("m", 7), value("other", 9, 7, avro("M7"), false, null), seq(7)));
        return log;
    }

    private static List<Raw> contextsAndSettings() {
        List<Raw> log = new ArrayList<>();
        log.add(schema(key(":.a:x", 1), ":.a:x", 1, 1, avro("A1"), false));
        log.add(schema(key(":.b:x", 1), ":.b:x", 1, 1, avro("B1"), false));
        log.add(schema(key("x", 1), "x", 1, 1, avro("D1"), false));
        log.add(new Raw(key(":.a:y", 1), "{\"subject\":\":.a:y\",\"version\":1,\"id\":2,\"schemaType\":\"AVRO\","
                + "\"references\":[{\"name\":\"A1\",\"subject\":\"x\",\"version\":1}],"
                + "\"metadata\":{\"properties\":{\"owner\":\"team-a\"}},\"schema\":" + quoted(avro("A2"))
                + ",\"deleted\":false}"));
        log.add(new Raw(configKey(":.a:"), "{\"compatibilityLevel\":\"FULL_TRANSITIVE\",\"normalize\":true}"));
        log.add(new Raw(configKey("x"), "{\"alias\":\":.a:x\",\"normalize\":false,\"validateFields\":true,"
                + "\"compatibilityLevel\":\"NONE\",\"compatibilityGroup\":\"app.major\","
                + "\"defaultMetadata\":{\"properties\":{\"k\":\"v\"}}}"));
        log.add(new Raw(configKey(null), "{\"compatibilityLevel\":\"BACKWARD\",\"normalize\":true}"));
        log.add(new Raw(configKey(null), "{\"compatibilityLevel\":\"FORWARD\"}"));
        log.add(new Raw(modeKey(null), "{\"mode\":\"READWRITE\"}"));
        log.add(new Raw(modeKey(":.b:"), "{\"mode\":\"READONLY\"}"));
        log.add(new Raw(modeKey(":.b:"), null));
        log.add(new Raw(modeKey(":.b:x"), "{\"mode\":\"IMPORT\"}"));
        log.add(new Raw(deleteKey(":.b:x"), "{\"subject\":\":.b:x\",\"version\":1}"));
        log.add(new Raw(clearKey(":.b:x"), "{\"subject\":\":.b:x\"}"));
        return log;
    }

    /**
     * Registrations, version and subject deletes, clears, hard deletes (of live and of soft-deleted versions),
     * configs and modes in a random order, over a few subjects in two contexts. Content is tied to its id, as in any
     * registry, and versions only grow.
     */
    private static List<Raw> randomLog(long seed, int records) {
        Random random = new Random(seed);
        String[] subjects = {"a", "b", "c", ":.k:a", ":.k:d"};
        Map<String, Integer> nextVersion = new TreeMap<>();
        Map<String, Map<Integer, Integer>> ids = new TreeMap<>();
        List<Raw> log = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            String subject = subjects[random.nextInt(subjects.length)];
            int top = nextVersion.getOrDefault(subject, 1) - 1;
            int roll = random.nextInt(100);
            if (roll < 45 || top == 0) {
                int version = top + 1;
                nextVersion.put(subject, version + 1);
                int id = 1 + random.nextInt(12);
                ids.computeIfAbsent(subject, s -> new TreeMap<>()).put(version, id);
                log.add(schema(key(subject, version), subject, version, id, avro("R" + id), false));
            } else if (roll < 60) {
                int version = 1 + random.nextInt(top);
                Integer id = ids.getOrDefault(subject, Map.of()).get(version);
                if (id != null) {
                    log.add(schema(key(subject, version), subject, version, id, avro("R" + id), true));
                }
            } else if (roll < 67) {
                log.add(new Raw(deleteKey(subject),
                        "{\"subject\":" + quoted(subject) + ",\"version\":" + (1 + random.nextInt(top)) + "}"));
            } else if (roll < 74) {
                // now and then a clear of a whole context, or of every subject
                String[] scopes = {subject, subject, subject, ":.k:", null};
                String scope = scopes[random.nextInt(scopes.length)];
                log.add(new Raw(clearKey(scope), "{\"subject\":" + quoted(scope) + "}"));
            } else if (roll < 82) {
                int version = 1 + random.nextInt(top);
                ids.getOrDefault(subject, new TreeMap<>()).remove(version);
                log.add(new Raw(key(subject, version), null));
            } else if (roll < 91) {
                String scope = random.nextInt(4) == 0 ? null : subject;
                String[] levels = {"NONE", "BACKWARD", "FULL", null};
                String level = levels[random.nextInt(levels.length)];
                log.add(new Raw(configKey(scope), level == null ? null
                        : "{\"compatibilityLevel\":\"" + level + "\"" + (random.nextBoolean() ? ",\"normalize\":true"
                        : "") + "}"));
            } else {
                String scope = random.nextInt(4) == 0 ? null : subject;
                String[] modes = {"READWRITE", "READONLY", "IMPORT", null};
                String mode = modes[random.nextInt(modes.length)];
                log.add(new Raw(modeKey(scope), mode == null ? null : "{\"mode\":\"" + mode + "\"}"));
            }
        }
        return log;
    }

    // --- record spelling -----------------------------------------------------------------------------------------

    private static String key(String subject, int version) {
        return "{\"keytype\":\"SCHEMA\",\"subject\":" + quoted(subject) + ",\"version\":" + version + ",\"magic\":1}";
    }

    private static String configKey(String subject) {
        return "{\"keytype\":\"CONFIG\",\"subject\":" + quoted(subject) + ",\"magic\":0}";
    }

    private static String modeKey(String subject) {
        return "{\"keytype\":\"MODE\",\"subject\":" + quoted(subject) + ",\"magic\":0}";
    }

    private static String deleteKey(String subject) {
        return "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":" + quoted(subject) + ",\"magic\":0}";
    }

    private static String clearKey(String subject) {
        return "{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":" + quoted(subject) + ",\"magic\":0}";
    }

    private static Raw schema(String key, String subject, int version, int id, String schema, boolean deleted) {
        return schema(key, subject, version, id, schema, deleted, null);
    }

    private static Raw schema(String key, String subject, int version, int id, String schema, boolean deleted,
                              String type) {
        return new Raw(key, value(subject, version, id, schema, deleted, type));
    }

    private static String value(String subject, int version, int id, String schema, boolean deleted, String type) {
        return "{\"subject\":" + quoted(subject) + ",\"version\":" + version + ",\"id\":" + id
                + (type == null ? "" : ",\"schemaType\":\"" + type + "\"") + ",\"schema\":" + quoted(schema)
                + ",\"deleted\":" + deleted + "}";
    }

    private static String avro(String name) {
        return TestEvents.avro(name);
    }

    private static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static byte[] seq(long seq) {
        return LogHeaders.encodeLong(seq);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
