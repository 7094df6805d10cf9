package io.registry.core.log;

/**
 * Reads one raw log record (key and value bytes, the {@code registry-seq} header) into an event and its sequence:
 * the one tolerance policy of every reader of the log (the sequencer's replay, the projections), so that they skip
 * the same records. A log adopted from Confluent or Karapace, or written by a tool, may hold records this registry
 * cannot interpret; stopping the world on them would make the log unreadable, so:
 * <ul>
 *   <li>a record without a key, with a key or value that does not decode ({@link MalformedLogRecordException}, or
 *   any other decoding failure) is <em>skipped</em>: it reads as {@link #SKIPPED}, a NOOP, so a reader's position
 *   still moves past it and it is not re-read forever;</li>
 *   <li>a record without a {@code registry-seq} header (Confluent's, Karapace's) carries the sequence of the record
 *   before it; an unreadable header (not 8 bytes) is treated the same, the record itself is still applied.</li>
 * </ul>
 * Both come back with a {@link Read#problem() problem} for the caller to log once (core does not log).
 */
public final class LogRecordReader {
    /** What a skipped record reads as: changes nothing. */
    public static final LogEvent SKIPPED = new LogEvent(new LogKey.NoopKey(), new LogValue.NoopValue());

    /**
     * @param event   the record's event, {@link #SKIPPED} when it was skipped
     * @param seq     its sequence
     * @param skipped whether the record was skipped
     * @param problem what was wrong with the record (skipped, or its header ignored), null when nothing was
     */
    public record Read(LogEvent event, long seq, boolean skipped, String problem) {
    }

    private LogRecordReader() {
    }

    /**
     * @param seqHeader   the value of the last {@code registry-seq} header, null when there is none
     * @param previousSeq the sequence of the record before this one
     */
    public static Read read(byte[] key, byte[] value, byte[] seqHeader, long previousSeq) {
        long seq = previousSeq;
        String problem = null;
        if (seqHeader != null) {
            if (seqHeader.length == Long.BYTES) {
                seq = LogHeaders.decodeLong(seqHeader);
            } else {
                problem = "unreadable " + LogHeaders.SEQ + " header (" + seqHeader.length
                        + " bytes), keeping sequence " + previousSeq;
            }
        }
        if (key == null) {
            return new Read(SKIPPED, seq, true, "record without key");
        }
        try {
            return new Read(LogRecordCodec.decode(key, value), seq, false, problem);
        } catch (RuntimeException e) {
            // MalformedLogRecordException, and whatever else the JSON of a foreign record can throw
            return new Read(SKIPPED, seq, true, e.getMessage());
        }
    }
}
