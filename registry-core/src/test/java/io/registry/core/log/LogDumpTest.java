package io.registry.core.log;

import io.registry.core.log.LogKey.SchemaKey;
import io.registry.core.log.LogValue.SchemaValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export line formats, the fold of a dump into what it amounts to, and the order of an import's steps. */
class LogDumpTest {

    @Test
    void ourLineKeepsKeyValueAndHeaders() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(LogHeaders.SEQ, LogHeaders.encodeLong(42));
        headers.put(LogHeaders.PRINCIPAL, "alice".getBytes(StandardCharsets.UTF_8));
        String line = LogDumpFormat.encode(utf8("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":2,\"magic\":1}"),
                utf8("{\"subject\":\"s\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}"),
                headers);
        assertEquals("{\"key\":{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":2,\"magic\":1},\"value\":{\"subject\""
                + ":\"s\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false},\"headers\":"
                + "{\"registry-seq\":42,\"registry-principal\":\"alice\"}}", line);
        LogDumpFormat.DumpedRecord r = LogDumpFormat.decode(line).orElseThrow();
        assertEquals(new SchemaKey("s", 2), r.event().key());
        assertEquals(7, ((SchemaValue) r.event().value()).id());
        assertEquals(42L, r.headers().get(LogHeaders.SEQ));
        assertEquals("alice", r.headers().get(LogHeaders.PRINCIPAL));
    }

    @Test
    void consoleConsumerLinesInAnyKeyOrderWithTombstones() {
        LogDumpFormat.DumpedRecord schema = LogDumpFormat.decode(
                "{\"magic\":1,\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1}\t{\"subject\":\"s\",\"version\":1,"
                        + "\"id\":3,\"schema\":\"\\\"int\\\"\"}").orElseThrow();
        assertEquals(new SchemaKey("s", 1), schema.event().key());
        LogDumpFormat.DumpedRecord tombstone = LogDumpFormat.decode(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}\tnull").orElseThrow();
        assertTrue(tombstone.event().tombstone());
        assertTrue(LogDumpFormat.decode("   ").isEmpty());
        assertThrows(MalformedLogRecordException.class, () -> LogDumpFormat.decode("Processed a total of 3 messages"));
    }

    @Test
    void snapshotFoldsDeletesClearsConfigsAndModes() {
        LogSnapshot s = LogSnapshot.of(events(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"a\",\"version\":1,\"magic\":1}\t" + schema("a", 1, 1, "\\\"int\\\""),
                "{\"keytype\":\"SCHEMA\",\"subject\":\"a\",\"version\":2,\"magic\":1}\t" + schema("a", 2, 2, "\\\"long\\\""),
                "{\"keytype\":\"SCHEMA\",\"subject\":\"b\",\"version\":1,\"magic\":1}\t" + schema("b", 1, 1, "\\\"int\\\""),
                "{\"keytype\":\"SCHEMA\",\"subject\":\"c\",\"version\":1,\"magic\":1}\t" + schema("c", 1, 5, "\\\"string\\\""),
                "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"a\",\"magic\":0}\t{\"subject\":\"a\",\"version\":1}",
                "{\"keytype\":\"SCHEMA\",\"subject\":\"c\",\"version\":1,\"magic\":1}\tnull",
                "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}\t{\"compatibilityLevel\":\"NONE\"}",
                "{\"keytype\":\"CONFIG\",\"subject\":\"b\",\"magic\":0}\t{\"compatibilityLevel\":\"FULL\",\"normalize\":true}",
                "{\"keytype\":\"MODE\",\"subject\":\"b\",\"magic\":0}\t{\"mode\":\"READONLY\"}",
                "{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}\t{\"mode\":\"READWRITE\"}",
                "{\"keytype\":\"NOOP\",\"magic\":0}\tnull"));
        assertEquals(List.of("a", "b"), s.subjects());
        assertTrue(s.version("a", 1).deleted(), "DELETE_SUBJECT up to version 1");
        assertFalse(s.version("a", 2).deleted());
        assertNull(s.version("c", 1), "tombstone");
        assertEquals("NONE", s.configs().get(null).compatibilityLevel());
        assertEquals(Boolean.TRUE, s.configs().get("b").normalize());
        assertEquals("READONLY", s.modes().get("b"));

        ImportPlan plan = ImportPlan.of(s);
        assertEquals(List.of(new SchemaKey("a", 1)), plan.softDeletes());
        assertEquals(java.util.Arrays.asList((String) null), plan.importScopes());
        assertEquals("READWRITE", plan.scopeModes().get(null));
        assertEquals(Map.of("b", "READONLY"), plan.subjectModes());
        assertEquals(3, plan.registrations().size());
    }

    @Test
    void importModeGoesOnEveryContextScopeItsSubjectsFallBackTo() {
        LogSnapshot s = LogSnapshot.of(events(
                "{\"keytype\":\"SCHEMA\",\"subject\":\":.t:a\",\"version\":1,\"magic\":1}\t" + schema(":.t:a", 1, 1, "\\\"int\\\""),
                "{\"keytype\":\"MODE\",\"subject\":\":.t:\",\"magic\":0}\t{\"mode\":\"READONLY\"}"));
        ImportPlan plan = ImportPlan.of(s);
        assertEquals(java.util.Arrays.asList(null, ":.t:"), plan.importScopes());
        assertEquals(Map.of(":.t:", "READONLY"), plan.scopeModes());
        assertTrue(plan.subjectModes().isEmpty());
    }

    @Test
    void clearSubjectRemovesItsSoftDeletedVersionsOnly() {
        // Confluent's clearSubjects: a version registered after the soft delete survives the clear
        LogSnapshot s = LogSnapshot.of(events(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"a\",\"version\":1,\"magic\":1}\t" + schema("a", 1, 1, "\\\"int\\\""),
                "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"a\",\"magic\":0}\t{\"subject\":\"a\",\"version\":1}",
                "{\"keytype\":\"SCHEMA\",\"subject\":\"a\",\"version\":2,\"magic\":1}\t" + schema("a", 2, 2, "\\\"long\\\""),
                "{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\"a\",\"magic\":0}\t{\"subject\":\"a\"}"));
        assertEquals(List.of(2), s.versions().stream().map(SchemaValue::version).toList());
    }

    @Test
    void clearWithoutSubjectOrOfAContextRemovesTheSoftDeletedVersionsInScope() {
        List<String> lines = new ArrayList<>();
        for (String subject : List.of("a", ":.c:x", ":.d:y")) {
            lines.add("{\"keytype\":\"SCHEMA\",\"subject\":\"" + subject + "\",\"version\":1,\"magic\":1}\t"
                    + schema(subject, 1, 1, "\\\"int\\\"").replace("\"deleted\":false", "\"deleted\":true"));
            lines.add("{\"keytype\":\"SCHEMA\",\"subject\":\"" + subject + "\",\"version\":2,\"magic\":1}\t"
                    + schema(subject, 2, 2, "\\\"long\\\""));
        }
        lines.add("{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\":.c:\",\"magic\":0}\t{\"subject\":\":.c:\"}");
        assertEquals(List.of("a 1", "a 2", ":.c:x 2", ":.d:y 1", ":.d:y 2"), versions(LogSnapshot.of(events(
                lines.toArray(String[]::new)))));
        lines.add("{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":null,\"magic\":0}\t{\"subject\":null}");
        assertEquals(List.of("a 2", ":.c:x 2", ":.d:y 2"), versions(LogSnapshot.of(events(
                lines.toArray(String[]::new)))));
    }

    private static List<String> versions(LogSnapshot snapshot) {
        return snapshot.versions().stream().map(v -> v.subject() + " " + v.version()).toList();
    }

    @Test
    void importRegistersReferencedVersionsFirst() {
        // "top" appears first in the dump but references "leaf", e.g. because leaf's record was rewritten later
        LogSnapshot s = LogSnapshot.of(events(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"top\",\"version\":1,\"magic\":1}\t{\"subject\":\"top\","
                        + "\"version\":1,\"id\":2,\"schema\":\"{}\",\"references\":[{\"name\":\"L\",\"subject\":\"leaf\","
                        + "\"version\":1}]}",
                "{\"keytype\":\"SCHEMA\",\"subject\":\"leaf\",\"version\":1,\"magic\":1}\t" + schema("leaf", 1, 1, "\\\"int\\\"")));
        List<String> order = ImportPlan.of(s).registrations().stream().map(SchemaValue::subject).toList();
        assertEquals(List.of("leaf", "top"), order);
    }

    private static String schema(String subject, int version, int id, String schema) {
        return "{\"subject\":\"" + subject + "\",\"version\":" + version + ",\"id\":" + id + ",\"schema\":\"" + schema
                + "\",\"deleted\":false}";
    }

    private static List<LogEvent> events(String... lines) {
        List<LogEvent> events = new ArrayList<>();
        for (String line : lines) {
            LogDumpFormat.decode(line).ifPresent(r -> events.add(r.event()));
        }
        return events;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
