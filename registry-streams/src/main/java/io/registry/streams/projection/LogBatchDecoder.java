package io.registry.streams.projection;

import io.registry.core.log.LogEvent;
import io.registry.core.log.LogRecordReader;
import io.registry.readmodel.PositionedEvent;
import io.registry.streams.log.ConsumerRecordReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns polled records into positioned events through the log's one reader ({@link LogRecordReader}): a record
 * without a {@code registry-seq} header (a log adopted from Confluent) carries the sequence of the record before
 * it; one that cannot be decoded is logged, counted and read as a NOOP, so the projection skips it but its
 * checkpoint still moves past it and it is not re-read forever.
 */
final class LogBatchDecoder {
    static final LogEvent SKIPPED = LogRecordReader.SKIPPED;

    private final ConsumerRecordReader reader;

    LogBatchDecoder(String projection) {
        this.reader = new ConsumerRecordReader("projection " + projection);
    }

    /** @param previousSeq the sequence of the record before the first one (the checkpoint's) */
    List<PositionedEvent> decode(List<ConsumerRecord<byte[], byte[]>> records, long previousSeq) {
        List<PositionedEvent> batch = new ArrayList<>(records.size());
        long seq = previousSeq;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            LogRecordReader.Read read = reader.read(record, seq);
            seq = read.seq();
            batch.add(new PositionedEvent(record.offset(), seq, read.event()));
        }
        return batch;
    }

    /** Records skipped as malformed since this decoder was created. */
    long malformed() {
        return reader.skipped();
    }
}
