package io.registry.launcher;

import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.Record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A partition replica's batches as they sit in the broker's segment files, with what clients never see: the
 * producer id of each batch and the transaction markers. Lets a test tell which producer wrote what, and whether
 * its transactions were committed or aborted. (Kafka-internal classes, as {@code kafka-dump-log.sh} uses them.)
 */
final class LogSegments {
    /** @param marker COMMIT/ABORT for a transaction marker, null for a data batch */
    record Batch(long baseOffset, long lastOffset, long producerId, short producerEpoch, boolean transactional,
                 ControlRecordType marker) {
    }

    private LogSegments() {
    }

    static List<Batch> read(Path partitionDir) {
        List<Batch> out = new ArrayList<>();
        List<Path> segments;
        try (Stream<Path> files = Files.list(partitionDir)) {
            segments = files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path segment : segments) {
            try (FileRecords records = FileRecords.open(segment.toFile(), false)) {
                for (FileChannelRecordBatch batch : records.batches()) {
                    ControlRecordType marker = null;
                    if (batch.isControlBatch()) {
                        Iterator<Record> it = batch.iterator();
                        marker = it.hasNext() ? ControlRecordType.parse(it.next().key()) : ControlRecordType.UNKNOWN;
                    }
                    out.add(new Batch(batch.baseOffset(), batch.lastOffset(), batch.producerId(),
                            batch.producerEpoch(), batch.isTransactional(), marker));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
