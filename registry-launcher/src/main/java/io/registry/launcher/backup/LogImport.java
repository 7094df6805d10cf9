package io.registry.launcher.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.core.log.ImportPlan;
import io.registry.core.log.LogDumpFormat;
import io.registry.core.log.LogKey.SchemaKey;
import io.registry.core.log.LogSnapshot;
import io.registry.core.log.LogValue.ConfigValue;
import io.registry.core.log.MalformedLogRecordException;
import io.registry.core.log.LogValue.SchemaValue;
import io.registry.core.schema.SchemaReference;
import io.registry.core.schema.SchemaType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code registry import FILE}: replays an export (ours, or a Confluent/Karapace {@code _schemas} dump) into a
 * registry through its API in IMPORT mode, following {@link ImportPlan}, so that the target's sequencer decides
 * every write and reproduces each id and version. Refuses a target that already has subjects unless forced;
 * a dry run only prints what would be created and what already exists differently.
 */
public final class LogImport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an import did; {@code problems} lists every step that did not give the dumped answer. */
    public record Result(int registered, int softDeleted, int configs, int modes, List<String> problems) {
    }

    private final RegistryClient registry;
    private final PrintStream out;

    public LogImport(RegistryClient registry, PrintStream out) {
        this.registry = registry;
        this.out = out;
    }

    public static LogSnapshot read(Path file) throws IOException {
        LogSnapshot snapshot = new LogSnapshot();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                try {
                    LogDumpFormat.decode(line).ifPresent(r -> snapshot.apply(r.event()));
                } catch (MalformedLogRecordException e) {
                    throw new IllegalArgumentException(file + ":" + number + ": " + e.getMessage(), e);
                }
            }
        }
        return snapshot;
    }

    /** Subjects (soft-deleted included) the target already has: an import goes into an empty registry. */
    public List<String> existingSubjects() {
        List<String> subjects = new ArrayList<>();
        registry.get("/subjects?deleted=true").body().forEach(s -> subjects.add(s.asText()));
        return subjects;
    }

    /** Prints what {@link #apply} would do against the target as it is now; writes nothing. */
    public void dryRun(ImportPlan plan) {
        int create = 0;
        int same = 0;
        int differ = 0;
        for (SchemaValue v : plan.registrations()) {
            RegistryClient.Answer a = registry.get("/subjects/" + RegistryClient.segment(v.subject()) + "/versions/"
                    + v.version() + "?deleted=true");
            if (a.status() == 404) {
                create++;
                out.printf("create  %s version %d id %d%s%n", v.subject(), v.version(), v.id(),
                        v.deleted() ? " (soft-deleted)" : "");
            } else if (a.body().path("id").asInt() == v.id() && a.body().path("schema").asText().equals(v.schema())) {
                same++;
            } else {
                differ++;
                out.printf("differs %s version %d: the dump has id %d, the target id %d%s%n", v.subject(),
                        v.version(), v.id(), a.body().path("id").asInt(),
                        a.body().path("schema").asText().equals(v.schema()) ? "" : " and another schema");
            }
        }
        for (Map.Entry<String, ConfigValue> c : plan.configs().entrySet()) {
            out.printf("config  %s: %s%n", scope(c.getKey()), configBody(c.getValue()));
        }
        plan.subjectModes().forEach((s, m) -> out.printf("mode    %s: %s%n", scope(s), m));
        plan.scopeModes().forEach((s, m) -> out.printf("mode    %s: %s%n", scope(s), m));
        out.printf("dry run: %d versions to create, %d already there with the same id and schema, %d there "
                + "differently; %d configs, %d modes; nothing written%n", create, same, differ, plan.configs().size(),
                plan.subjectModes().size() + plan.scopeModes().size());
    }

    /**
     * Replays the plan. The modes of the import scopes are put back (or set to the dump's) even when a step fails:
     * a scope that had no mode of its own gets none again.
     */
    public Result apply(ImportPlan plan) {
        List<String> problems = new ArrayList<>();
        Map<String, String> before = new LinkedHashMap<>();
        for (String scope : plan.importScopes()) {
            RegistryClient.Answer a = registry.get(modePath(scope));
            before.put(scope, a.status() == 200 ? a.body().path("mode").asText() : null);
        }
        int registered = 0;
        int deleted = 0;
        int configs = 0;
        int modes = 0;
        try {
            for (String scope : plan.importScopes()) {
                expect(registry.put(modePath(scope) + "?force=true", mode("IMPORT")), 200,
                        "set the mode of " + scope(scope) + " to IMPORT", problems);
            }
            if (!problems.isEmpty()) {
                return new Result(0, 0, 0, 0, problems);
            }
            for (SchemaValue v : plan.registrations()) {
                RegistryClient.Answer a = registry.post("/subjects/" + RegistryClient.segment(v.subject())
                        + "/versions", registration(v));
                if (a.status() != 200 || a.body().path("id").asInt() != v.id()) {
                    problems.add(v.subject() + " version " + v.version() + " id " + v.id() + ": " + a.status()
                            + " " + a.raw());
                } else {
                    registered++;
                }
            }
            for (SchemaKey k : plan.softDeletes()) {
                if (expect(registry.delete("/subjects/" + RegistryClient.segment(k.subject()) + "/versions/"
                        + k.version()), 200, "soft-delete " + k.subject() + " version " + k.version(), problems)) {
                    deleted++;
                }
            }
            for (Map.Entry<String, ConfigValue> c : plan.configs().entrySet()) {
                String path = c.getKey() == null ? "/config" : "/config/" + RegistryClient.segment(c.getKey());
                if (expect(registry.put(path, configBody(c.getValue())), 200, "config of " + scope(c.getKey()),
                        problems)) {
                    configs++;
                }
            }
            for (Map.Entry<String, String> m : plan.subjectModes().entrySet()) {
                if (expect(registry.put(modePath(m.getKey()) + "?force=true", mode(m.getValue())), 200,
                        "mode of " + m.getKey(), problems)) {
                    modes++;
                }
            }
        } finally {
            // context scopes first, the global scope (the first import scope) last
            List<String> scopes = new ArrayList<>(plan.importScopes());
            java.util.Collections.reverse(scopes);
            for (String scope : scopes) {
                String after = plan.scopeModes().containsKey(scope) ? plan.scopeModes().get(scope) : before.get(scope);
                boolean done = after == null
                        ? expect(registry.delete(modePath(scope)), 200, "remove the mode of " + scope(scope), problems)
                        : expect(registry.put(modePath(scope) + "?force=true", mode(after)), 200,
                                "set the mode of " + scope(scope) + " to " + after, problems);
                if (done && plan.scopeModes().containsKey(scope)) {
                    modes++;
                }
            }
        }
        return new Result(registered, deleted, configs, modes, problems);
    }

    private static String modePath(String scope) {
        return scope == null ? "/mode" : "/mode/" + RegistryClient.segment(scope);
    }

    private static boolean expect(RegistryClient.Answer a, int status, String what, List<String> problems) {
        if (a.status() == status) {
            return true;
        }
        problems.add(what + ": " + a.status() + " " + a.raw());
        return false;
    }

    /** The registration request that makes the sequencer store exactly this version (IMPORT mode). */
    static String registration(SchemaValue v) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", v.schema());
        if (v.schemaType() != SchemaType.AVRO) {
            body.put("schemaType", v.schemaType().name());
        }
        if (!v.references().isEmpty()) {
            ArrayNode refs = body.putArray("references");
            for (SchemaReference r : v.references()) {
                refs.addObject().put("name", r.name()).put("subject", r.subject()).put("version", r.version());
            }
        }
        if (v.metadata() != null) {
            body.set("metadata", v.metadata());
        }
        if (v.ruleSet() != null) {
            body.set("ruleSet", v.ruleSet());
        }
        body.put("id", v.id());
        body.put("version", v.version());
        return body.toString();
    }

    /** Confluent's config update request: the log's {@code compatibilityLevel} is the request's {@code compatibility}. */
    static String configBody(ConfigValue c) {
        ObjectNode body = JSON.createObjectNode();
        putIfSet(body, "alias", c.alias());
        if (c.normalize() != null) {
            body.put("normalize", c.normalize());
        }
        if (c.validateFields() != null) {
            body.put("validateFields", c.validateFields());
        }
        putIfSet(body, "compatibility", c.compatibilityLevel());
        putIfSet(body, "compatibilityGroup", c.compatibilityGroup());
        putIfSet(body, "defaultMetadata", c.defaultMetadata());
        putIfSet(body, "overrideMetadata", c.overrideMetadata());
        putIfSet(body, "defaultRuleSet", c.defaultRuleSet());
        putIfSet(body, "overrideRuleSet", c.overrideRuleSet());
        return body.toString();
    }

    private static void putIfSet(ObjectNode body, String field, Object value) {
        if (value instanceof JsonNode node) {
            body.set(field, node);
        } else if (value != null) {
            body.put(field, value.toString());
        }
    }

    private static String mode(String mode) {
        return JSON.createObjectNode().put("mode", Objects.requireNonNull(mode)).toString();
    }

    private static String scope(String subject) {
        return subject == null ? "(global)" : subject;
    }
}
