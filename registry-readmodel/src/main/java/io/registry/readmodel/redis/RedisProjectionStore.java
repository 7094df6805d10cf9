package io.registry.readmodel.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.micronaut.configuration.lettuce.AbstractRedisConfiguration;
import io.registry.readmodel.Checkpoint;
import io.registry.readmodel.PositionedEvent;
import io.registry.readmodel.ProjectionStore;
import io.registry.readmodel.StaleCheckpointException;
import jakarta.annotation.PreDestroy;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes the log into the Redis read model: each batch and its checkpoint in one MULTI/EXEC, pipelined.
 *
 * <p>It uses a connection of its own, never the application's shared one: MULTI and WATCH are connection state, and
 * commands another thread sent on a shared connection would land inside the transaction. That connection does not
 * reconnect by itself and does not auto-flush: a connection lost halfway can never replay the tail of a batch (the
 * EXEC without its MULTI, or EVALSHA after a Redis restart dropped the script), and a whole batch leaves in one
 * write. After any failure the connection is dropped and the next call opens a fresh one.
 */
@Requires(property = "registry.redis.enabled", notEquals = "false")
@Singleton
public class RedisProjectionStore implements ProjectionStore, AutoCloseable {
    public static final String NAME = "redis";

    private final RedisClient client;
    private final RedisKeys keys;
    private final Duration timeout;
    private StatefulRedisConnection<String, String> connection;

    public RedisProjectionStore(RedisClient sharedClient, AbstractRedisConfiguration config, RedisKeys keys) {
        RedisURI uri = config.getUri().orElse(config);
        // Shares the application's event loops; shutting this client down leaves them running.
        this.client = RedisClient.create(sharedClient.getResources(), uri);
        this.client.setOptions(ClientOptions.builder().autoReconnect(false).build());
        this.keys = keys;
        this.timeout = uri.getTimeout();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized Optional<String> boundLog() {
        try {
            RedisFuture<String> log = connection().async().get(keys.log());
            RedisFuture<String> layout = connection.async().get(keys.layout());
            connection.flushCommands();
            String bound = await(log);
            if (bound != null && !RedisKeys.LAYOUT.equals(await(layout))) {
                // Built in an older key layout (RedisKeys#layout): reported unbound, so it is rebuilt from the log.
                return Optional.empty();
            }
            return Optional.ofNullable(bound);
        } catch (RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    /**
     * Not atomic (Redis has no multi-key delete by pattern), but safe: the binding key goes first and comes back
     * last, so an interrupted rebind is simply done again at the next start.
     */
    @Override
    public synchronized void rebind(String logId) {
        try {
            RedisAsyncCommands<String, String> redis = connection().async();
            RedisFuture<Long> unbound = redis.del(keys.log());
            connection.flushCommands();
            await(unbound);
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                RedisFuture<KeyScanCursor<String>> page = redis.scan(cursor,
                        ScanArgs.Builder.matches(keys.everything()).limit(1000));
                connection.flushCommands();
                KeyScanCursor<String> keysPage = await(page);
                if (!keysPage.getKeys().isEmpty()) {
                    RedisFuture<Long> deleted = redis.del(keysPage.getKeys().toArray(String[]::new));
                    connection.flushCommands();
                    await(deleted);
                }
                cursor = keysPage;
            } while (!cursor.isFinished());
            RedisFuture<String> layout = redis.set(keys.layout(), RedisKeys.LAYOUT);
            RedisFuture<String> bound = redis.set(keys.log(), logId);
            connection.flushCommands();
            await(layout);
            await(bound);
        } catch (RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    @Override
    public synchronized Checkpoint checkpoint() {
        try {
            RedisAsyncCommands<String, String> redis = connection().async();
            RedisFuture<Map<String, String>> stored = redis.hgetall(keys.checkpoint());
            connection.flushCommands();
            Map<String, String> fields = await(stored);
            if (fields.isEmpty()) {
                return Checkpoint.START;
            }
            return new Checkpoint(Long.parseLong(fields.get(RedisKeys.NEXT_OFFSET)),
                    Long.parseLong(fields.get(RedisKeys.SEQ)));
        } catch (RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    @Override
    public synchronized void apply(Checkpoint from, List<PositionedEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        ProjectionStore.requireContinues(NAME, from, batch);
        long firstOffset = batch.get(0).offset();
        Checkpoint next = Checkpoint.after(batch);
        RedisChanges changes = new RedisChanges(keys);
        for (PositionedEvent event : batch) {
            changes.apply(event.event());
        }
        try {
            RedisAsyncCommands<String, String> redis = connection().async();
            requireCheckpoint(redis, from, firstOffset);
            redis.multi();
            for (RedisChanges.Command command : changes.commands()) {
                command.send(redis);
            }
            redis.hset(keys.checkpoint(), Map.of(
                    RedisKeys.NEXT_OFFSET, String.valueOf(next.nextOffset()),
                    RedisKeys.SEQ, String.valueOf(next.seq())));
            redis.publish(keys.appliedChannel(), String.valueOf(next.seq()));
            RedisFuture<TransactionResult> exec = redis.exec();
            connection.flushCommands();
            TransactionResult result = await(exec);
            if (result.wasDiscarded()) {
                // WATCH fired: another writer moved the checkpoint between our check and EXEC.
                throw new StaleCheckpointException(NAME, from, firstOffset);
            }
            failOnPartialApply(result);
        } catch (RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    /**
     * Round trip one: load the script (idempotent; Redis forgets scripts on restart), WATCH the checkpoint so that a
     * concurrent writer aborts our EXEC, and reject the batch if the projection is no longer at {@code from} (no
     * checkpoint key counts as offset 0: an empty or wiped projection).
     */
    private void requireCheckpoint(RedisAsyncCommands<String, String> redis, Checkpoint from, long firstOffset) {
        RedisFuture<String> loaded = redis.scriptLoad(ChangesScript.TEXT);
        redis.watch(keys.checkpoint());
        RedisFuture<String> stored = redis.hget(keys.checkpoint(), RedisKeys.NEXT_OFFSET);
        connection.flushCommands();
        await(loaded);
        String nextOffset = await(stored);
        if ((nextOffset == null ? 0 : Long.parseLong(nextOffset)) != from.nextOffset()) {
            throw new StaleCheckpointException(NAME, from, firstOffset);
        }
    }

    /**
     * Redis does not roll a transaction back when one of its commands fails at run time, and the checkpoint has
     * moved with the rest. Our commands cannot fail that way (we own every key's type; the script is loaded on this
     * very connection), so this is a bug or outside interference. Report it as loudly as we can; the projection
     * then needs a rebuild (delete its keys), which nothing here can do safely on its own.
     */
    private static void failOnPartialApply(TransactionResult result) {
        for (Object reply : result) {
            if (reply instanceof Throwable failure) {
                throw new IllegalStateException("Redis applied part of a batch (" + failure.getMessage()
                        + "); wipe the Redis projection to rebuild it from the log", failure);
            }
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        if (connection == null || !connection.isOpen()) {
            disconnect();
            connection = client.connect();
            connection.setAutoFlushCommands(false);
        }
        return connection;
    }

    private void disconnect() {
        if (connection != null) {
            connection.closeAsync();
            connection = null;
        }
    }

    private <T> T await(RedisFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Redis", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Redis did not answer within " + timeout, e);
        }
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        connection = null;
        // closes the connection too; closing it separately first races with this and logs a warning
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
