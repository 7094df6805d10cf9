package io.registry.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A registry role in its own JVM ({@code RegistryMain streams|api|dev}), so a test can kill it with SIGKILL
 * mid-write or freeze it with SIGSTOP. Its output goes to {@code target/process-logs/<name>.log}.
 */
final class RegistryProcess implements AutoCloseable {
    private final Process process;
    final Path log;

    private RegistryProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code RegistryMain streams}: the sequencer (and projectors, if the properties enable them). */
    static RegistryProcess streams(Map<String, Object> properties, String name) throws IOException {
        return start("streams", properties, Map.of(), name);
    }

    static RegistryProcess start(String role, Map<String, Object> properties, Map<String, String> env, String name)
            throws IOException {
        Path log = Files.createDirectories(Path.of("target", "process-logs")).resolve(name + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        // These JVMs live seconds to a minute: C1 only and the serial GC start them faster on a busy 2-core host.
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Dlogback.configurationFile=logback-process.xml");
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.registry.launcher.RegistryMain");
        cmd.add(role);
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new RegistryProcess(builder.start(), log);
    }

    /** SIGKILL: no shutdown hook, no transaction commit or abort, no leaving the consumer group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGSTOP: the JVM freezes mid-whatever (a zombie: it holds its sockets, sends nothing, believes it leads). */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: the frozen JVM carries on from where it stopped. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    /** Waits (bounded) until the process has logged {@code text}, e.g. Kafka Streams reaching RUNNING. */
    void awaitOutput(String text, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!output().contains(text)) {
            if (!alive() || System.currentTimeMillis() > deadline) {
                throw new AssertionError("no '" + text + "' from " + log + " (alive: " + alive() + ")");
            }
            Thread.sleep(100);
        }
    }

    /** Waits (bounded) until the process has logged any of these texts. */
    void awaitAnyOutput(long timeoutMs, String... texts) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (java.util.Arrays.stream(texts).noneMatch(output()::contains)) {
            if (!alive() || System.currentTimeMillis() > deadline) {
                throw new AssertionError("none of " + java.util.Arrays.toString(texts) + " from " + log
                        + " (alive: " + alive() + ")");
            }
            Thread.sleep(100);
        }
    }

    /** SIGTERM (a clean stop: shutdown hooks run), SIGKILL if that takes more than 30 s. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
