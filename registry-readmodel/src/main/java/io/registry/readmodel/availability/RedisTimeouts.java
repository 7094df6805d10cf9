package io.registry.readmodel.availability;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micronaut.configuration.lettuce.AbstractRedisConfiguration;
import io.micronaut.configuration.lettuce.ClientResourcesMutator;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Bounds every command of the application's Redis client (the one API reads use): {@code registry.redis.
 * command-timeout} for any command, sync or async (Lettuce's default is 60 s), {@code registry.redis.
 * connect-timeout} per connection attempt, and while the connection is down commands are refused at once rather
 * than queued until it comes back. Reconnect attempts back off to at most {@code registry.redis.reconnect-delay-max},
 * so a Redis that is back is used again within about that long (Lettuce's default backs off to 30 s).
 *
 * <p>The projector's Redis connection is its own ({@code RedisProjectionStore}) and keeps the longer
 * {@code redis.timeout}: a large batch may legitimately take longer than a read.
 */
@Singleton
public class RedisTimeouts implements BeanCreatedEventListener<RedisClient>, ClientResourcesMutator {
    private final Duration commandTimeout;
    private final Duration connectTimeout;
    private final Duration reconnectDelayMax;

    public RedisTimeouts(@Value("${registry.redis.command-timeout:1s}") Duration commandTimeout,
                         @Value("${registry.redis.connect-timeout:1s}") Duration connectTimeout,
                         @Value("${registry.redis.reconnect-delay-max:1s}") Duration reconnectDelayMax) {
        this.commandTimeout = commandTimeout;
        this.connectTimeout = connectTimeout;
        this.reconnectDelayMax = reconnectDelayMax;
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }

    @Override
    public RedisClient onCreated(BeanCreatedEvent<RedisClient> event) {
        RedisClient client = event.getBean();
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        return client;
    }

    @Override
    public void mutate(ClientResources.Builder builder, AbstractRedisConfiguration config) {
        builder.reconnectDelay(Delay.exponential(Duration.ofMillis(50), reconnectDelayMax, 2,
                java.util.concurrent.TimeUnit.MILLISECONDS));
    }
}
