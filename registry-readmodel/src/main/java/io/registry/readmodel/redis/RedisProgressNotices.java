package io.registry.readmodel.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.configuration.lettuce.AbstractRedisConfiguration;
import io.registry.readmodel.ProgressNotices;
import io.registry.readmodel.availability.StoreGuards;
import jakarta.annotation.PreDestroy;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * SUBSCRIBEs to the Redis projection's commits ({@link RedisProjectionStore} PUBLISHes inside each batch's MULTI).
 * Lettuce re-subscribes by itself after a reconnect; notices published meanwhile are lost, which the waiters' slow
 * poll covers.
 */
@Requires(property = "registry.redis.enabled", notEquals = "false")
@Singleton
public class RedisProgressNotices implements ProgressNotices {
    private static final Logger LOG = LoggerFactory.getLogger(RedisProgressNotices.class);

    private final RedisClient client;
    private final String channel;
    private StatefulRedisPubSubConnection<String, String> connection;
    private boolean closed;

    public RedisProgressNotices(RedisClient sharedClient, AbstractRedisConfiguration config, RedisKeys keys) {
        RedisURI uri = config.getUri().orElse(config);
        // A connection of its own (a subscribed connection can do nothing else) on the application's event loops.
        this.client = RedisClient.create(sharedClient.getResources(), uri);
        this.channel = keys.appliedChannel();
    }

    @Override
    public String store() {
        return StoreGuards.REDIS;
    }

    @Override
    public synchronized void listen(Listener onApplied) {
        if (connection != null) {
            throw new IllegalStateException("already listening");
        }
        try {
            connection = client.connectPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    // The payload is the batch's last sequence (RedisProjectionStore PUBLISHes it).
                    try {
                        onApplied.applied(Long.parseLong(message));
                    } catch (NumberFormatException notOurs) {
                        onApplied.resync();
                    }
                }

                @Override
                public void subscribed(String to, long count) {
                    // Also after a reconnect: what committed while we were away is missed, so re-read once.
                    onApplied.resync();
                }
            });
            connection.async().subscribe(channel);
        } catch (RuntimeException e) {
            // Redis down at start: the waiters' slow poll keeps read-your-writes correct, only slower.
            LOG.warn("Could not subscribe to Redis projection progress ({}); waits fall back to polling",
                    e.toString());
        }
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        connection = null;
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
