package io.registry.dev;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A sequencer in its own JVM ({@code RegistryMain streams}), so a test can kill it with SIGKILL mid-write. */
final class SequencerProcess implements AutoCloseable {
    private final Process process;
    final Path log;

    private SequencerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static SequencerProcess start(Map<String, Object> properties, String name) throws Exception {
        Path log = Files.createDirectories(Path.of("target", "sequencer-logs")).resolve(name + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.registry.dev.RegistryMain");
        cmd.add("streams");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new SequencerProcess(p, log);
    }

    /** SIGKILL: no shutdown hook, no transaction commit or abort, no leaving the consumer group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    static String classpathSeparator() {
        return File.pathSeparator;
    }
}
