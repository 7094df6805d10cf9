package io.registry.launcher.backup;

import io.registry.core.log.ImportPlan;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code registry export FILE [--bootstrap-servers HOST:PORT] [--topic NAME]} and
 * {@code registry import FILE [--url URL] [--basic-auth USER:PASSWORD] [--force] [--dry-run]}. Defaults follow the configuration keys
 * ({@code KAFKA_BOOTSTRAP_SERVERS} / {@code registry.kafka.bootstrap-servers}, {@code registry.topics.log}),
 * else dev mode's broker ({@code localhost:$REGISTRY_KAFKA_PORT}, 19092) and API ({@code localhost:$REGISTRY_PORT},
 * 8081).
 */
public final class BackupCommands {
    private BackupCommands() {
    }

    /** @return the process exit code */
    public static int export(List<String> args) throws Exception {
        Options o = Options.parse(args);
        String bootstrap = o.value("--bootstrap-servers", setting("registry.kafka.bootstrap-servers",
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + env("REGISTRY_KAFKA_PORT", "19092")));
        String topic = o.value("--topic", setting("registry.topics.log", "REGISTRY_TOPICS_LOG", "_schemas"));
        long start = System.nanoTime();
        int records = new LogExport(bootstrap, topic).writeTo(o.file());
        System.out.printf("registry export: %d records of %s at %s written to %s in %d ms%n", records, topic,
                bootstrap, o.file(), (System.nanoTime() - start) / 1_000_000);
        return 0;
    }

    /** @return the process exit code: 0 done, 1 some step failed, 3 refused (target not empty) */
    public static int importFile(List<String> args) throws Exception {
        Options o = Options.parse(args);
        URI url = URI.create(o.value("--url", env("REGISTRY_URL", "http://localhost:" + env("REGISTRY_PORT", "8081"))));
        long start = System.nanoTime();
        ImportPlan plan = ImportPlan.of(LogImport.read(o.file()));
        LogImport importer = new LogImport(new RegistryClient(url, o.value("--basic-auth",
                System.getenv("REGISTRY_BASIC_AUTH"))), System.out);
        if (o.flag("--dry-run")) {
            importer.dryRun(plan);
            return 0;
        }
        List<String> existing = importer.existingSubjects();
        if (!existing.isEmpty() && !o.flag("--force")) {
            System.err.printf("registry import: %s already has %d subjects (e.g. %s); import into an empty registry, "
                    + "or pass --force (see --dry-run for the differences)%n", url, existing.size(), existing.get(0));
            return 3;
        }
        LogImport.Result r = importer.apply(plan);
        System.out.printf("registry import: %d versions registered (%d soft-deleted again), %d configs, %d modes "
                + "into %s in %d ms%n", r.registered(), r.softDeleted(), r.configs(), r.modes(), url,
                (System.nanoTime() - start) / 1_000_000);
        r.problems().forEach(p -> System.err.println("registry import: failed: " + p));
        return r.problems().isEmpty() ? 0 : 1;
    }

    private static String setting(String property, String envName, String fallback) {
        String p = System.getProperty(property);
        return p != null && !p.isBlank() ? p : env(envName, fallback);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private record Options(Path file, List<String> args) {
        static Options parse(List<String> args) {
            Path file = null;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.startsWith("--")) {
                    rest.add(a);
                    if (!a.equals("--force") && !a.equals("--dry-run") && !a.contains("=") && i + 1 < args.size()) {
                        rest.add(args.get(++i));
                    }
                } else if (file == null) {
                    file = Path.of(a);
                } else {
                    throw new IllegalArgumentException("unexpected argument " + a);
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("missing FILE");
            }
            return new Options(file, rest);
        }

        boolean flag(String name) {
            return args.contains(name);
        }

        String value(String name, String fallback) {
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals(name) && i + 1 < args.size()) {
                    return args.get(i + 1);
                }
                if (args.get(i).startsWith(name + "=")) {
                    return args.get(i).substring(name.length() + 1);
                }
            }
            return fallback;
        }
    }
}
