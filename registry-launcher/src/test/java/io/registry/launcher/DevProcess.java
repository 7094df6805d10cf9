package io.registry.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code RegistryMain dev} in its own JVM, configured only through the environment as {@code ./registry dev} is. */
final class DevProcess implements AutoCloseable {
    private final Process process;
    final Path log;
    final URI baseUri;

    private DevProcess(Process process, Path log, URI baseUri) {
        this.process = process;
        this.log = log;
        this.baseUri = baseUri;
    }

    /** Starts it and waits (up to {@code startTimeout}) until it prints that it is ready. */
    static DevProcess start(Map<String, String> env, int httpPort, String name, long startTimeoutSeconds)
            throws Exception {
        Path log = Files.createDirectories(Path.of("target", "dev-logs")).resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), "io.registry.launcher.RegistryMain", "dev"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("REGISTRY_PORT", Integer.toString(httpPort));
        DevProcess dev = new DevProcess(pb.start(), log, URI.create("http://127.0.0.1:" + httpPort));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(startTimeoutSeconds);
        while (!dev.output().contains("registry dev: ready on")) {
            if (!dev.process.isAlive() || System.nanoTime() > deadline) {
                dev.close();
                throw new AssertionError("dev mode did not start; see " + log.toAbsolutePath() + ":\n"
                        + tail(dev.output()));
            }
            Thread.sleep(250);
        }
        return dev;
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGTERM, as Ctrl-C: the shutdown hook stops the API, the broker and the embedded Postgres. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }
}
