package io.registry.core.log;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogRecordReaderTest {
    private static final byte[] KEY = bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}");
    private static final byte[] VALUE = bytes("{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"int\\\"\"}");

    @Test
    void readsARecordAndItsSequence() {
        LogRecordReader.Read read = LogRecordReader.read(KEY, VALUE, LogHeaders.encodeLong(42), 7);
        assertFalse(read.skipped());
        assertNull(read.problem());
        assertEquals(42, read.seq());
        assertEquals(new LogKey.SchemaKey("s", 1), read.event().key());
    }

    @Test
    void aRecordWithoutHeaderCarriesThePreviousSequence() {
        assertEquals(7, LogRecordReader.read(KEY, VALUE, null, 7).seq());
    }

    @Test
    void aBadHeaderIsIgnoredButTheRecordApplied() {
        LogRecordReader.Read read = LogRecordReader.read(KEY, VALUE, new byte[]{1, 2}, 7);
        assertFalse(read.skipped());
        assertEquals(7, read.seq());
        assertNotNull(read.problem());
    }

    @Test
    void nullKeysAndUndecodableRecordsAreSkippedAsNoops() {
        for (byte[][] record : new byte[][][]{{null, VALUE}, {bytes("nope"), VALUE}, {KEY, bytes("[1]")},
                {bytes("{\"keytype\":\"CONTEXT\",\"magic\":0}"), bytes("{}")}, {KEY, bytes("{\"id\":1}")}}) {
            LogRecordReader.Read read = LogRecordReader.read(record[0], record[1], LogHeaders.encodeLong(9), 7);
            assertTrue(read.skipped());
            assertEquals(LogRecordReader.SKIPPED, read.event());
            assertEquals(9, read.seq(), "a skipped record still moves the sequence");
            assertNotNull(read.problem());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
