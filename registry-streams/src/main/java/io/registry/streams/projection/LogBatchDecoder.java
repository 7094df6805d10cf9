package io.registry.streams.projection;

import io.registry.core.log.LogEvent;
import io.registry.core.log.LogHeaders;
import io.registry.core.log.LogKey;
import io.registry.core.log.LogRecordCodec;
import io.registry.core.log.LogValue;
import io.registry.readmodel.PositionedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns polled records into positioned events. A record without a {@code registry-seq} header (a log adopted from
 * Confluent) carries the sequence of the record before it. A record that cannot be decoded is logged, counted and
 * replaced by a NOOP: the projection skips it but its checkpoint still moves past it, so it is not re-read forever.
 */
final class LogBatchDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(LogBatchDecoder.class);
    static final LogEvent SKIPPED = new LogEvent(new LogKey.NoopKey(), new LogValue.NoopValue());

    private final String projection;
    private final AtomicLong malformed = new AtomicLong();

    LogBatchDecoder(String projection) {
        this.projection = projection;
    }

    /** @param previousSeq the sequence of the record before the first one (the checkpoint's) */
    List<PositionedEvent> decode(List<ConsumerRecord<byte[], byte[]>> records, long previousSeq) {
        List<PositionedEvent> batch = new ArrayList<>(records.size());
        long seq = previousSeq;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            seq = seqOf(record, seq);
            batch.add(new PositionedEvent(record.offset(), seq, eventOf(record)));
        }
        return batch;
    }

    /** Records skipped as malformed since this decoder was created. */
    long malformed() {
        return malformed.get();
    }

    private LogEvent eventOf(ConsumerRecord<byte[], byte[]> record) {
        try {
            if (record.key() == null) {
                throw new IllegalArgumentException("record without key");
            }
            return LogRecordCodec.decode(record.key(), record.value());
        } catch (RuntimeException e) {
            malformed.incrementAndGet();
            LOG.warn("Projection {} skips malformed log record at offset {}: {}", projection, record.offset(),
                    e.getMessage());
            return SKIPPED;
        }
    }

    private long seqOf(ConsumerRecord<byte[], byte[]> record, long previous) {
        Header header = record.headers().lastHeader(LogHeaders.SEQ);
        if (header == null) {
            return previous;
        }
        try {
            return LogHeaders.decodeLong(header.value());
        } catch (IllegalArgumentException e) {
            LOG.warn("Projection {}: unreadable {} header at offset {}, keeping sequence {}", projection,
                    LogHeaders.SEQ, record.offset(), previous);
            return previous;
        }
    }
}
