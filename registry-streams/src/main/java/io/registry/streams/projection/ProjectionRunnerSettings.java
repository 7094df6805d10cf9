package io.registry.streams.projection;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ProjectionRunner} reads the log.
 *
 * @param maxPollRecords  the largest batch applied at once (one transaction / one MULTI); large for fast rebuilds,
 *                        bounded because one Redis EXEC blocks Redis for its duration
 * @param pollTimeout     how long one poll waits for records; also bounds how long close() waits for the loop
 * @param minBackoff      the first wait after a failed batch; doubles per failure in a row up to maxBackoff
 * @param closeTimeout    how long close() waits for a batch in flight before interrupting it
 */
public record ProjectionRunnerSettings(String bootstrapServers, String logTopic, int maxPollRecords,
                                       Duration pollTimeout, Duration minBackoff, Duration maxBackoff,
                                       Duration closeTimeout) {
    public static final int DEFAULT_MAX_POLL_RECORDS = 5_000;

    public ProjectionRunnerSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(logTopic, "logTopic");
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be at least 1");
        }
    }

    public static ProjectionRunnerSettings of(String bootstrapServers, String logTopic) {
        return new ProjectionRunnerSettings(bootstrapServers, logTopic, DEFAULT_MAX_POLL_RECORDS,
                Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    public ProjectionRunnerSettings withMaxPollRecords(int records) {
        return new ProjectionRunnerSettings(bootstrapServers, logTopic, records, pollTimeout, minBackoff, maxBackoff,
                closeTimeout);
    }

    public ProjectionRunnerSettings withBackoff(Duration min, Duration max) {
        return new ProjectionRunnerSettings(bootstrapServers, logTopic, maxPollRecords, pollTimeout, min, max,
                closeTimeout);
    }

    /** The wait after {@code failuresInARow} (≥ 1) failed attempts. */
    Duration backoff(int failuresInARow) {
        long millis = minBackoff.toMillis() << Math.min(failuresInARow - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
