package io.registry.streams.sequencer;

import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The state store behind the sequencer's index. Both are changelogged to Kafka, so both survive a crash; they differ
 * in what a commit and a restart cost.
 */
public enum IndexStoreKind {
    /**
     * A heap map. A commit costs nothing extra, and the commit is on every write's path: Kafka Streams flushes a
     * RocksDB store's memtable to a new file at each commit (tens of commits a second under write load). A restart
     * restores the whole index from its compacted changelog (a few hundred thousand small records for 100k schemas:
     * seconds, during which writes wait and reads go on). The default.
     */
    IN_MEMORY,
    /** RocksDB on local disk: restarts resume from the local files, each commit flushes a memtable. */
    ROCKSDB;

    KeyValueBytesStoreSupplier supplier(String name) {
        return this == ROCKSDB ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }
}
