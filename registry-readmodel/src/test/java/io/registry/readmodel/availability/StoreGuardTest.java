package io.registry.readmodel.availability;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreGuardTest {
    private final StoreGuard guard = new StoreGuard("postgres", new CircuitBreakerSettings());

    @Test
    void anOutageOpensTheCircuitAndLaterCallsFailWithoutReachingTheStore() {
        StoreUnavailableException first = assertThrows(StoreUnavailableException.class, () -> guard.call(() -> {
            throw new IllegalStateException(new SQLTransientConnectionException("pool timed out"));
        }));
        assertEquals("postgres", first.store());
        assertFalse(guard.available());
        assertEquals("OPEN", guard.state());

        AtomicInteger reached = new AtomicInteger();
        assertThrows(StoreUnavailableException.class, () -> guard.call(reached::incrementAndGet));
        assertEquals(0, reached.get(), "an open circuit does not call the store");
    }

    @Test
    void otherFailuresPassThroughAndLeaveTheStoreAvailable() {
        for (int i = 0; i < 5; i++) {
            assertThrows(IllegalArgumentException.class, () -> guard.call(() -> {
                throw new IllegalArgumentException("a bad query is not an outage");
            }));
        }
        assertTrue(guard.available());
        assertEquals(7, guard.call(() -> 7));
    }

    @Test
    void asyncCallsCountToo() {
        CompletableFuture<Object> failed = guard.callAsync(
                () -> CompletableFuture.failedFuture(new RedisConnectionException("refused"))).toCompletableFuture();
        ExecutionException e = assertThrows(ExecutionException.class, failed::get);
        assertInstanceOf(StoreUnavailableException.class, e.getCause());
        assertFalse(guard.available());
        CompletableFuture<Object> fast = guard.callAsync(() -> new CompletableFuture<>()).toCompletableFuture();
        assertTrue(fast.isCompletedExceptionally(), "open: failed at once, not left pending");
    }

    @Test
    void outagesAreConnectionProblemsAndTimeoutsNotErrorReplies() {
        assertTrue(Outages.isOutage(new SQLException("terminating connection", "57P01")));
        assertTrue(Outages.isOutage(new SQLException("canceling statement due to statement timeout", "57014")));
        assertTrue(Outages.isOutage(new SQLException("connection refused", "08001")));
        assertFalse(Outages.isOutage(new SQLException("syntax error", "42601")));
        assertTrue(Outages.isOutage(new SQLException("Connection is closed")), "Hikari's closed proxy");
        assertTrue(Outages.isOutage(new RedisConnectionException("refused")));
        assertFalse(Outages.isOutage(new RedisCommandExecutionException("WRONGTYPE Operation against a key")));
        assertTrue(Outages.isOutage(new RedisCommandExecutionException("LOADING Redis is loading")));
    }
}
