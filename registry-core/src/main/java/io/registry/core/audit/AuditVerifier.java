package io.registry.core.audit;

import java.util.Optional;

/**
 * Walks an audit chain record by record and names the first break. Feed it the audit topic in offset order.
 * <ul>
 *   <li>{@code MODIFIED}: a record's content no longer hashes to the hash it carries;</li>
 *   <li>{@code REMOVED}: a record links to a hash other than its predecessor's, and sequence numbers jump forward
 *       (records are missing before it);</li>
 *   <li>{@code REORDERED}: the same with a sequence number that goes back or repeats;</li>
 *   <li>{@code BROKEN_LINK}: the link is wrong although the sequence numbers follow (a rewritten link);</li>
 *   <li>{@code UNREADABLE}: not an audit record at all.</li>
 * </ul>
 * The first record must link to the genesis hash; its sequence number may be anything (a log adopted from
 * elsewhere has records older than the chain).
 */
public final class AuditVerifier {
    public enum Kind { MODIFIED, REMOVED, REORDERED, BROKEN_LINK, UNREADABLE }

    /** Where the chain breaks: the position (topic offset) of the first bad record and why. */
    public record Break(Kind kind, long position, Long seq, String message) {
    }

    private String previousHash = AuditChain.GENESIS_HEX;
    private long previousSeq = Long.MIN_VALUE;
    private long checked;
    /** A gap (REMOVED) is only called that once the next record shows it is not a swap (seq going back). */
    private Break pendingGap;
    private Break verdict;

    /** Checks the next record; false once the verdict is final (later records need not be fed). */
    public boolean accept(long position, byte[] recordBytes) {
        if (verdict != null) {
            return false;
        }
        AuditRecord record;
        try {
            record = AuditRecord.decode(recordBytes);
        } catch (IllegalArgumentException e) {
            return settle(new Break(Kind.UNREADABLE, position, null, e.getMessage()));
        }
        return accept(position, record);
    }

    public boolean accept(long position, AuditRecord record) {
        if (verdict != null) {
            return false;
        }
        if (pendingGap != null) {
            boolean swapped = record.seq() < pendingGap.seq();
            return settle(swapped ? new Break(Kind.REORDERED, pendingGap.position(), pendingGap.seq(), "seq "
                    + pendingGap.seq() + " comes before seq " + record.seq() + " (records were reordered)")
                    : pendingGap);
        }
        String recomputed;
        try {
            recomputed = AuditChain.next(record.previousHash(), record.entry());
        } catch (IllegalArgumentException | NullPointerException e) {
            return settle(new Break(Kind.UNREADABLE, position, record.seq(), "bad hash field: " + e.getMessage()));
        }
        if (!recomputed.equals(record.hash())) {
            return settle(new Break(Kind.MODIFIED, position, record.seq(), "seq " + record.seq()
                    + ": its content does not hash to the hash it carries (the record was modified)"));
        }
        if (!record.previousHash().equals(previousHash)) {
            boolean first = previousSeq == Long.MIN_VALUE;
            long expected = first ? record.seq() : previousSeq + 1;
            if (record.seq() > expected || first) {
                pendingGap = new Break(Kind.REMOVED, position, record.seq(), "seq " + record.seq() + ": "
                        + (first ? "the records before it were removed"
                        : "seq " + expected + ".." + (record.seq() - 1) + " were removed"));
                return true;
            }
            return settle(record.seq() < expected
                    ? new Break(Kind.REORDERED, position, record.seq(), "seq " + record.seq() + " comes after seq "
                    + previousSeq + " (records were reordered)")
                    : new Break(Kind.BROKEN_LINK, position, record.seq(), "seq " + record.seq()
                    + ": it does not link to the record before it"));
        }
        previousHash = record.hash();
        previousSeq = record.seq();
        checked++;
        return true;
    }

    /** The first break, if any, once every record was fed. */
    public Optional<Break> finish() {
        if (verdict == null && pendingGap != null) {
            verdict = pendingGap;
        }
        return Optional.ofNullable(verdict);
    }

    /** Records checked and found intact so far. */
    public long checked() {
        return checked;
    }

    /** The hash of the last intact record (the chain's head), genesis when none. */
    public String head() {
        return previousHash;
    }

    private boolean settle(Break b) {
        verdict = b;
        return false;
    }
}
