package io.registry.kafka.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the data directory, taken before formatting or starting. Kafka locks its log dirs only when
 * the broker part starts, after the controller has already opened the metadata log in the same directory; a second
 * node on the same directory would reach the metadata log before failing on Kafka's lock.
 */
final class DataDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve("embedded-kafka.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock(); // null: another process; OverlappingFileLockException: this JVM
            if (lock != null) {
                return new DataDirLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // fall through to the message below
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalStateException("Embedded Kafka cannot lock " + file.toAbsolutePath() + ": " + e, e);
        }
        closeQuietly(channel);
        throw new IllegalStateException("Embedded Kafka data directory " + dataDir.toAbsolutePath()
                + " is already used by another running embedded Kafka (another './registry dev'?). "
                + "Stop it first or choose another data directory.");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing useful to do
            }
        }
    }
}
