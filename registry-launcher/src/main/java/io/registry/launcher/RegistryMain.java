package io.registry.launcher;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.registry.launcher.backup.BackupCommands;
import io.registry.kafka.embedded.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./registry dev|api|streams [--security FILE]}, {@code ./registry audit verify} and
 * {@code ./registry export|import FILE}. {@code dev} runs every role in one JVM around an embedded single-node KRaft
 * broker; {@code api} and {@code streams} run one role against configured Kafka, Postgres and Redis;
 * {@code --security FILE} applies a security configuration (README "Security"). {@code audit verify} walks the
 * audit topic and exits non-zero at the first break of the hash chain. {@code export} and {@code import} back a
 * registry up to a file and restore it ({@link BackupCommands}).
 */
public final class RegistryMain {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryMain.class);

    private RegistryMain() {
    }

    public static void main(String[] args) throws Exception {
        String role = args.length == 0 ? "dev" : args[0].toLowerCase(Locale.ROOT);
        Map<String, Object> security;
        try {
            security = securityOption(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        switch (role) {
            case "dev" -> dev(DevFlags.parse(java.util.Arrays.copyOfRange(args, Math.min(1, args.length),
                    args.length)), security);
            case "promote" -> PromoteCommand.run();
            case "api" -> run(with(RoleProperties.withoutOverridden(RoleProperties.api()), security), true);
            case "streams" -> run(with(RoleProperties.withoutOverridden(RoleProperties.streams()), security), false);
            case "audit" -> System.exit(AuditCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length),
                    System.out, System.err));
            case "export" -> System.exit(backup(() -> BackupCommands.export(rest(args))));
            case "import" -> System.exit(backup(() -> BackupCommands.importFile(rest(args))));
            default -> {
                System.err.println("usage: registry dev [--replica-of HOST:PORT | --promote]|api|streams "
                        + "[--security FILE] | registry promote | registry audit verify "
                        + "[--bootstrap-servers HOST:PORT] [--topic NAME] | registry export FILE | registry import FILE "
                        + "[--url URL] [--force] [--dry-run]");
                System.exit(2);
            }
        }
    }

    private interface Command {
        int run() throws Exception;
    }

    private static int backup(Command command) {
        try {
            return command.run();
        } catch (IllegalArgumentException | IllegalStateException | java.io.IOException e) {
            System.err.println("registry: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            e.printStackTrace();
            return 2;
        }
    }

    private static java.util.List<String> rest(String[] args) {
        return java.util.Arrays.asList(args).subList(1, args.length);
    }

    /** {@code --security FILE} anywhere after the role: its settings, else none. */
    static Map<String, Object> securityOption(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--security")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--security needs a file");
                }
                Path file = Path.of(args[i + 1]);
                if (!java.nio.file.Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("--security: no such file " + file.toAbsolutePath());
                }
                return SecurityConfigFile.load(file);
            }
        }
        return Map.of();
    }

    private static Map<String, Object> with(Map<String, Object> props, Map<String, Object> security) {
        Map<String, Object> all = new HashMap<>(props);
        all.putAll(security);
        return all;
    }

    private static void dev(DevFlags flags, Map<String, Object> security) throws Exception {
        DevSettings settings = DevSettings.fromEnvironment();
        System.out.println("registry dev: data directory " + settings.dataDir().toAbsolutePath()
                + " (delete it to start empty)");
        // Registered before anything starts: a stop during the (slow) start must still stop what already runs,
        // the embedded Postgres above all, which would otherwise outlive this JVM.
        Deque<AutoCloseable> started = new ArrayDeque<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("registry dev: stopping");
            closeAll(started);
            stopped.countDown();
        }, "registry-dev-shutdown"));
        Map<String, Object> props = new HashMap<>(flags.replicaOf() == null ? RoleProperties.dev()
                : RoleProperties.withoutOverridden(RoleProperties.devReplica(flags.replicaOf())));
        String region = System.getenv().getOrDefault("REGISTRY_REGION_NAME", "dev-" + settings.kafkaPort());
        props.putIfAbsent("registry.region.name", region);
        if (flags.replicaOf() != null) {
            System.out.println("registry dev: replica region '" + region + "' of the primary at " + flags.replicaOf()
                    + " (reads served here, writes sent there)");
        }
        ApplicationContext context;
        try {
            DevPostgres postgres = startEmbeddedPostgresIfNeeded(settings);
            if (postgres != null) {
                started.push(postgres);
            }
            DevDatabase.ensureExists(settings);
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"),
                    settings.kafkaPort());
            started.push(broker);
            System.out.println("registry dev: Kafka broker at " + broker.bootstrapServers());
            props.put("registry.kafka.bootstrap-servers", broker.bootstrapServers());
            if (flags.promote()) {
                PromoteCommand.promoteAndReport(region, broker.bootstrapServers(), null);
            }
            props.put("registry.sequencer.state-dir", settings.dataDir().resolve("sequencer").toString());
            props.put("datasources.default.url", settings.jdbcUrl());
            props.putAll(security);
            if (!security.isEmpty()) {
                System.out.println("registry dev: security on (" + security.size() + " settings from --security)");
            }
            if (!DevSettings.redisChoiceIsExplicit() && !TcpProbe.answers(settings.redisHost(), settings.redisPort())) {
                props.put("registry.redis.enabled", false);
                System.out.println("registry dev: no Redis at " + settings.redisHost() + ":" + settings.redisPort()
                        + ", running without it (reads from Postgres and the in-process caches)");
            }
            context = startContext(props, true);
            started.push(context::close);
        } catch (Exception e) {
            closeAll(started);
            throw e;
        }
        System.out.println("registry dev: ready on http://localhost:" + props.getOrDefault("micronaut.server.port",
                context.getProperty("micronaut.server.port", Integer.class).orElse(8081)));
        stopped.await();
    }

    /** Closes in reverse start order (API and streams, then the broker, then Postgres); each at most once. */
    private static synchronized void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
    }

    /**
     * A machine with only a JDK: when no Postgres answers at the configured (local) address, dev mode runs its own
     * on that port, with its data next to the broker's so that both survive a restart together.
     */
    private static DevPostgres startEmbeddedPostgresIfNeeded(DevSettings settings) throws Exception {
        if (TcpProbe.answers(settings.pgHost(), settings.pgPort()) || !settings.pgIsLocal()
                || !settings.pgEmbeddedAllowed()) {
            return null;
        }
        System.out.println("registry dev: no PostgreSQL at " + settings.pgHost() + ":" + settings.pgPort()
                + ", starting an embedded one there (data in " + settings.embeddedPostgresData().toAbsolutePath()
                + ")");
        DevPostgres postgres = DevPostgres.start(settings.embeddedPostgresData(), settings.pgPort());
        System.out.println("registry dev: embedded PostgreSQL running on port " + settings.pgPort());
        return postgres;
    }

    /**
     * Runs a role until the process is told to stop. The main thread waits for that: every thread a role starts may
     * be a daemon (a projector-only node, {@code registry.sequencer.enabled=false}, has no Kafka Streams thread and
     * no HTTP server), and the JVM must not take their being daemons as "done".
     */
    private static void run(Map<String, Object> props, boolean http) throws InterruptedException {
        ApplicationContext context = startContext(props, http);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                context.close();
            } finally {
                stopped.countDown();
            }
        }, "registry-shutdown"));
        LOG.info("registry {} role running", http ? "api" : "streams");
        stopped.await();
    }

    /**
     * Starts the context (and the HTTP server when asked) without Micronaut's own shutdown hook: ours closes the
     * context and then the broker, in that order; two hooks closing one context deadlock.
     */
    private static ApplicationContext startContext(Map<String, Object> props, boolean http) {
        ApplicationContext context = ApplicationContext.builder().properties(props).start();
        if (http) {
            try {
                context.getBean(EmbeddedServer.class).start();
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
        }
        return context;
    }
}
