package io.registry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own ({@code initdb} + {@code pg_ctl} from {@code /usr/lib/postgresql/15/bin}, data in a
 * temp directory, a free loopback port, trust auth, no fsync), which a test may really stop and start again — unlike
 * the shared local Postgres, which tests must never touch. Postgres refuses to run as root, so as root every
 * command runs as the {@code postgres} user ({@code runuser}) in a directory that user owns. A shutdown hook stops
 * the server if the test does not close it.
 */
public final class PrivatePostgres implements AutoCloseable {
    public static final String BIN = ThrowawayDatabase.env("REGISTRY_PG_BIN", "/usr/lib/postgresql/15/bin");
    public static final String USER = "postgres";

    private final int port = FreePort.pick();
    private final Path dir;
    private final Path data;
    private final Thread reaper = new Thread(this::stopQuietly, "private-postgres-reaper");

    private PrivatePostgres() {
        try {
            this.dir = Files.createTempDirectory("private-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.data = dir.resolve("data");
        if (isRoot()) {
            run(List.of("chown", "-R", USER + ":" + USER, dir.toString()), false);
        }
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Creates a new cluster and starts it. */
    public static PrivatePostgres start() {
        PrivatePostgres pg = new PrivatePostgres();
        pg.run(List.of(BIN + "/initdb", "-D", pg.data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync"), true);
        pg.startAgain();
        return pg;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a database and answers its JDBC URL. */
    public String createDatabase(String name) {
        sql("postgres", "CREATE DATABASE " + name);
        return jdbcUrl(name);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, "");
    }

    public void sql(String database, String statement) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    /** Starts the server (again), on the same port with the same data, and waits until it accepts connections. */
    public synchronized void startAgain() {
        run(List.of(BIN + "/pg_ctl", "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir
                        + " -c fsync=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=16MB",
                "start"), true);
        if (!FreePort.awaitListening(port, 10_000)) {
            throw new IllegalStateException("Postgres did not listen on " + port + "; see " + dir);
        }
    }

    /** Stops the server (fast shutdown: clients are disconnected at once) and waits until the port is closed. */
    public synchronized void stop() {
        run(List.of(BIN + "/pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop"), true);
        FreePort.awaitClosed(port, 10_000);
    }

    private void stopQuietly() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            run(List.of(BIN + "/pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop"), false);
        }
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }

    /** Runs a command, as the postgres user when we are root; {@code check}: fail on a non-zero exit. */
    private void run(List<String> command, boolean check) {
        List<String> full = new ArrayList<>();
        if (isRoot() && !command.get(0).equals("chown")) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
            // pg_ctl start leaves the server holding no pipe of ours (it logs to -l), so reading to the end returns
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + full);
            }
            if (check && p.exitValue() != 0) {
                throw new IllegalStateException(full + " exited " + p.exitValue() + ": " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + full, e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
