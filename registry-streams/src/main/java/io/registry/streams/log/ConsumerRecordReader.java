package io.registry.streams.log;

import io.registry.core.log.LogHeaders;
import io.registry.core.log.LogRecordReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link LogRecordReader} over polled Kafka records, for every consumer of the log (the sequencer's replay, the
 * projections): one tolerance policy, and one warning per record it skips or whose header it ignores.
 */
public final class ConsumerRecordReader {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerRecordReader.class);

    private final String reader;
    private final AtomicLong skipped = new AtomicLong();

    /** @param reader who reads, for the warnings ("sequencer replay", "projection postgres", ...) */
    public ConsumerRecordReader(String reader) {
        this.reader = reader;
    }

    /** @param previousSeq the sequence of the record before this one */
    public LogRecordReader.Read read(ConsumerRecord<byte[], byte[]> record, long previousSeq) {
        Header seq = record.headers().lastHeader(LogHeaders.SEQ);
        LogRecordReader.Read read = LogRecordReader.read(record.key(), record.value(),
                seq == null ? null : seq.value(), previousSeq);
        if (read.skipped()) {
            skipped.incrementAndGet();
            LOG.warn("{} skips unreadable log record at offset {}: {}", reader, record.offset(), read.problem());
        } else if (read.problem() != null) {
            LOG.warn("{}: log record at offset {}: {}", reader, record.offset(), read.problem());
        }
        return read;
    }

    /** Records skipped since this reader was created. */
    public long skipped() {
        return skipped.get();
    }
}
