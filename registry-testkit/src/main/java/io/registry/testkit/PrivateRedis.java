package io.registry.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of its own ({@code /usr/bin/redis-server} on a free loopback port, no persistence), which a test may
 * really stop and start again — unlike the shared local Redis, which tests must never touch. Started as a child
 * process of the test JVM; a shutdown hook kills it if the test does not close it.
 */
public final class PrivateRedis implements AutoCloseable {
    public static final String BINARY = ThrowawayDatabase.env("REDIS_SERVER", "/usr/bin/redis-server");

    private final int port = FreePort.pick();
    private final Path log;
    private final Thread reaper = new Thread(this::kill, "private-redis-reaper");
    private volatile Process process;

    private PrivateRedis() {
        try {
            this.log = Files.createTempFile("private-redis-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts a fresh, empty Redis. */
    public static PrivateRedis start() {
        PrivateRedis redis = new PrivateRedis();
        redis.startAgain();
        return redis;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>} */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public boolean running() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Starts the server again on the same port (empty: nothing is persisted). */
    public synchronized void startAgain() {
        if (running()) {
            return;
        }
        try {
            process = new ProcessBuilder(List.of(BINARY, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "no"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(BINARY + " is required for these tests", e);
        }
        if (!FreePort.awaitListening(port, 10_000)) {
            kill();
            throw new IllegalStateException("redis-server did not listen on " + port + "; see " + log);
        }
    }

    /** Stops the server (SIGKILL: as abrupt as a crash) and waits until the port is closed. */
    public synchronized void stop() {
        kill();
        FreePort.awaitClosed(port, 10_000);
    }

    private void kill() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        new File(log.toString()).delete();
    }
}
