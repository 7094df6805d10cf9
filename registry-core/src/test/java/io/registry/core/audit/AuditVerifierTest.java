package io.registry.core.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditVerifierTest {

    static List<AuditRecord> chain(int n) {
        List<AuditRecord> records = new ArrayList<>();
        String previous = AuditChain.GENESIS_HEX;
        for (int i = 1; i <= n; i++) {
            String key = "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":" + i + ",\"magic\":1}";
            String value = i == 3 ? null : "{\"subject\":\"s\",\"version\":" + i + "}";
            AuditChain.Entry entry = new AuditChain.Entry(10 + i, "req-" + i, "alice", 1000L + i,
                    key.getBytes(), value == null ? null : value.getBytes());
            String hash = AuditChain.next(previous, entry);
            records.add(new AuditRecord(10 + i, "req-" + i, "alice", 1000L + i, key, value, previous, hash));
            previous = hash;
        }
        return records;
    }

    static Optional<AuditVerifier.Break> verify(List<AuditRecord> records) {
        AuditVerifier verifier = new AuditVerifier();
        for (int i = 0; i < records.size() && verifier.accept(i, records.get(i).encode()); i++) {
            // feeds until the verdict is final
        }
        return verifier.finish();
    }

    @Test
    void anIntactChainVerifies() {
        assertTrue(verify(chain(6)).isEmpty());
        AuditRecord r = chain(1).get(0);
        assertEquals(r, AuditRecord.decode(r.encode()));
    }

    @Test
    void everyFieldIsCovered() {
        AuditChain.Entry a = new AuditChain.Entry(1, "r", "p", 2, "k".getBytes(), "v".getBytes());
        String h = AuditChain.next(AuditChain.GENESIS_HEX, a);
        assertNotEquals(h, AuditChain.next(AuditChain.GENESIS_HEX, new AuditChain.Entry(1, "r", "q", 2, "k".getBytes(), "v".getBytes())));
        assertNotEquals(h, AuditChain.next(AuditChain.GENESIS_HEX, new AuditChain.Entry(1, "r", "p", 2, "k".getBytes(), null)));
        assertNotEquals(h, AuditChain.next(AuditChain.GENESIS_HEX, new AuditChain.Entry(1, "rp", "", 2, "k".getBytes(), "v".getBytes())),
                "field boundaries cannot move");
    }

    @Test
    void aModifiedRecordIsNamed() {
        List<AuditRecord> records = chain(5);
        AuditRecord r = records.get(2);
        records.set(2, new AuditRecord(r.seq(), r.requestId(), "mallory", r.timestamp(), r.key(), r.value(),
                r.previousHash(), r.hash()));
        AuditVerifier.Break b = verify(records).orElseThrow();
        assertEquals(AuditVerifier.Kind.MODIFIED, b.kind());
        assertEquals(2, b.position());
    }

    @Test
    void aRemovedRecordIsNamed() {
        List<AuditRecord> records = chain(5);
        records.remove(1);
        AuditVerifier.Break b = verify(records).orElseThrow();
        assertEquals(AuditVerifier.Kind.REMOVED, b.kind());
        assertEquals(1, b.position());
        assertTrue(b.message().contains("12..12"), b.message());
        List<AuditRecord> headless = chain(3);
        headless.remove(0);
        assertEquals(AuditVerifier.Kind.REMOVED, verify(headless).orElseThrow().kind());
    }

    @Test
    void reorderedRecordsAreNamed() {
        List<AuditRecord> records = chain(5);
        Collections.swap(records, 2, 3);
        AuditVerifier.Break b = verify(records).orElseThrow();
        assertEquals(2, b.position());
        assertEquals(AuditVerifier.Kind.REORDERED, b.kind(), b.message());
        List<AuditRecord> back = chain(5);
        back.add(back.get(1));
        AuditVerifier.Break again = verify(back).orElseThrow();
        assertEquals(AuditVerifier.Kind.REORDERED, again.kind());
        assertEquals(5, again.position());
    }

    @Test
    void garbageIsUnreadable() {
        AuditVerifier verifier = new AuditVerifier();
        verifier.accept(0, "nope".getBytes());
        assertEquals(AuditVerifier.Kind.UNREADABLE, verifier.finish().orElseThrow().kind());
    }
}
