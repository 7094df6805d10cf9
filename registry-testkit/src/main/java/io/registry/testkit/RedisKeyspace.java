package io.registry.testkit;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.UUID;

/** A key prefix of its own on the local Redis ({@code REDIS_URI}, default redis://127.0.0.1:6379), wiped on close. */
public final class RedisKeyspace implements AutoCloseable {
    public static final String URI = ThrowawayDatabase.env("REDIS_URI", "redis://127.0.0.1:6379");

    private final String prefix;
    private final RedisClient client = RedisClient.create(URI);
    private final StatefulRedisConnection<String, String> connection = client.connect();

    private RedisKeyspace(String prefix) {
        this.prefix = prefix;
    }

    public static RedisKeyspace create() {
        return new RedisKeyspace("registry_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + ":");
    }

    public String prefix() {
        return prefix;
    }

    public RedisCommands<String, String> commands() {
        return connection.sync();
    }

    /** Deletes every key under the prefix, as an operator wiping Redis would. */
    public void wipe() {
        RedisCommands<String, String> commands = connection.sync();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = commands.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(1000));
            if (!page.getKeys().isEmpty()) {
                commands.del(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    @Override
    public void close() {
        try {
            wipe();
        } finally {
            connection.close();
            client.shutdown();
        }
    }
}
