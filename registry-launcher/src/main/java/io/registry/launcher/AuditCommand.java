package io.registry.launcher;

import io.registry.core.audit.AuditVerifier;
import io.registry.kafka.TopicLayout;
import io.registry.kafka.audit.AuditTopic;

import java.io.PrintStream;

/**
 * {@code registry audit verify [--bootstrap-servers HOST:PORT] [--topic NAME]}: walks the audit topic from its
 * first record and reports the first break of the hash chain (a modified, removed or reordered record). Exit code
 * 0 when the chain is intact, 1 at a break, 2 on a usage or connection error. Defaults: the broker of
 * {@code ./registry dev} ({@code localhost:$REGISTRY_KAFKA_PORT}, 19092) unless {@code KAFKA_BOOTSTRAP_SERVERS} or
 * {@code REGISTRY_KAFKA_BOOTSTRAP_SERVERS} says otherwise; the topic {@code registry.topics.audit}
 * ({@code REGISTRY_TOPICS_AUDIT}, default {@code _registry_audit}).
 */
final class AuditCommand {
    private AuditCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("verify")) {
            err.println("usage: registry audit verify [--bootstrap-servers HOST:PORT] [--topic NAME]");
            return 2;
        }
        String bootstrap = firstNonBlank(System.getenv("REGISTRY_KAFKA_BOOTSTRAP_SERVERS"),
                System.getenv("KAFKA_BOOTSTRAP_SERVERS"),
                "localhost:" + firstNonBlank(System.getenv("REGISTRY_KAFKA_PORT"), "19092"));
        String topic = firstNonBlank(System.getenv("REGISTRY_TOPICS_AUDIT"), TopicLayout.DEFAULT_AUDIT);
        for (int i = 1; i < args.length; i++) {
            if (i + 1 >= args.length) {
                err.println("missing value after " + args[i]);
                return 2;
            }
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrap = args[++i];
                case "--topic" -> topic = args[++i];
                default -> {
                    err.println("unknown option " + args[i]);
                    return 2;
                }
            }
        }
        return verify(bootstrap, topic, out, err);
    }

    static int verify(String bootstrap, String topic, PrintStream out, PrintStream err) {
        AuditTopic.Verification result;
        try {
            result = AuditTopic.verify(bootstrap, topic);
        } catch (RuntimeException e) {
            err.println("audit verify: cannot read " + topic + " on " + bootstrap + ": " + e.getMessage());
            return 2;
        }
        if (result.firstBreak().isPresent()) {
            AuditVerifier.Break b = result.firstBreak().get();
            out.println("audit verify: BROKEN at offset " + b.position() + " of " + topic + " (" + b.kind() + "): "
                    + b.message() + "; " + result.records() + " record(s) before it are intact");
            return 1;
        }
        out.println("audit verify: OK, " + result.records() + " record(s) in " + topic + ", chain head "
                + result.head());
        return 0;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
