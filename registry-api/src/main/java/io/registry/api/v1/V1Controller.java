package io.registry.api.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.registry.api.http.RegistryException;
import io.registry.api.read.RegistryReads;
import io.registry.api.write.WriteResult;
import io.registry.api.write.WriteService;
import io.registry.core.command.Command;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.llm.ExportProblem;
import io.registry.core.llm.ExportResult;
import io.registry.core.llm.LlmTarget;
import io.registry.core.llm.StructuredOutputExporter;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.schema.SchemaType;
import io.registry.core.semver.ChangeAssessment;
import io.registry.core.semver.SemanticVersion;
import io.registry.core.semver.SemverRequest;
import io.registry.core.validation.PayloadValidator;
import io.registry.core.validation.ValidationError;
import io.registry.core.validation.ValidationResult;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The LLM registry API: semantic versions over Confluent subjects, payload validation, compatibility verdicts
 * with the version bump a change needs, and export to LLM providers' strict structured-output definitions. Writes
 * go through the same log and sequencer as the Confluent API; reads come from the same projections.
 */
@Controller("/api/v1")
@Produces({"application/json", "*/*"})
@Consumes({"application/json", "application/vnd.schemaregistry.v1+json", "text/plain", "application/octet-stream"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class V1Controller {
    private static final String PRINCIPAL = "anonymous";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final V1Api api;
    private final RegistryReads reads;
    private final WriteService writes;
    private final ValidatorCache validators;
    private final V1Settings settings;
    private final MeterRegistry meters;

    public V1Controller(RegistryReads reads, WriteService writes, ValidatorCache validators, V1Settings settings,
                        MeterRegistry meters) {
        this.api = new V1Api(reads, settings);
        this.reads = reads;
        this.writes = writes;
        this.validators = validators;
        this.settings = settings;
        this.meters = meters;
    }

    // ---- schemas --------------------------------------------------------------------------------------------

    @Post("/schemas")
    public HttpResponse<byte[]> register(@Body byte[] body) {
        JsonNode request = api.object(body);
        String subject = V1Api.subject(request);
        SchemaType type = V1Api.schemaType(request);
        String text = api.schemaText(request);
        String versionText = V1Api.text(request, "version", false);
        Optional<SemanticVersion> requested = Optional.empty();
        if (versionText != null) {
            requested = SemanticVersion.parse(versionText);
            if (requested.isEmpty()) {
                throw new RegistryException(ErrorCode.INVALID_VERSION, "Field 'version' must be a semantic "
                        + "version MAJOR.MINOR.PATCH, got '" + versionText + "'");
            }
        }
        JsonNode userMetadata = request.get("metadata");
        if (userMetadata != null && userMetadata.isNull()) {
            userMetadata = null;
        }
        if (userMetadata != null && !userMetadata.isObject()) {
            throw V1Responses.unprocessable("Field 'metadata' must be a JSON object");
        }
        String description = V1Api.text(request, "description", false);
        // Parsed once, by the sequencer: an identical retry (with or without its version) answers the version it
        // registered from one lookup, a read which a concurrent writer cannot contradict; any other spelling of the
        // same content gets the same answer from the sequencer (not created: 200).
        Optional<SubjectVersion> existing = api.repeatOf(subject, type, text);
        if (existing.isPresent()) {
            return V1Responses.ok(api.registration(existing.get()));
        }
        // The semantic version is the sequencer's decision, against its index in log order: two concurrent
        // registrations cannot get the same one (the API decides nothing a concurrent writer could contradict).
        V1Metadata metadata = new V1Metadata(Optional.empty(), description, userMetadata);
        WriteResult result = writes.submit(new Command.RegisterSchema(subject, type, text, List.of(), false, null,
                null, metadata.toConfluent(), null, SemverRequest.of(requested)), PRINCIPAL);
        Outcome.Registered registered = (Outcome.Registered) result.outcome();
        V1Bodies.Registration record = new V1Bodies.Registration(registered.id(), subject, registered.version(),
                registered.semver(), api.fingerprintOf(subject, registered.id()));
        // not created: the same content arrived concurrently, and the answer is the version that holds it
        return V1Responses.written(registered.created() ? HttpStatus.CREATED : HttpStatus.OK, record, result);
    }

    @Get("/schemas/{id}")
    public HttpResponse<byte[]> byId(@PathVariable int id) {
        StoredSchema schema = reads.schema(id);
        List<V1Bodies.Usage> versions = new ArrayList<>();
        for (SubjectVersion v : reads.usagesOf(id)) {
            if (!v.deleted()) {
                V1Metadata meta = api.metadata(v);
                versions.add(new V1Bodies.Usage(v.subject(), v.version(),
                        meta.semver().map(Object::toString).orElse(null), meta.description(), meta.user()));
            }
        }
        return V1Responses.ok(new V1Bodies.Schema(schema.id(), schema.type().name().toLowerCase(java.util.Locale.ROOT),
                V1Api.schemaValue(schema), schema.fingerprint(), versions));
    }

    /**
     * Lists the latest version of each subject, filtered by {@code subject_prefix} and by any number of
     * {@code metadata.<key>=<value>} parameters (top-level keys of the registration's metadata, compared as text).
     */
    @Get("/schemas")
    public HttpResponse<byte[]> search(HttpRequest<?> request, @Nullable @QueryValue("subject_prefix") String prefix) {
        Map<String, String> wanted = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (name.startsWith("metadata.") && name.length() > "metadata.".length() && !values.isEmpty()) {
                wanted.put(name.substring("metadata.".length()), values.get(0));
            }
        });
        List<V1Bodies.Listed> found = new ArrayList<>();
        for (String subject : reads.subjects(false)) {
            if (prefix != null && !subject.startsWith(prefix)) {
                continue;
            }
            List<SubjectVersion> live = api.live(subject);
            if (live.isEmpty()) {
                continue;
            }
            SubjectVersion latest = live.get(live.size() - 1);
            V1Metadata meta = api.metadata(latest);
            if (wanted.entrySet().stream().allMatch(e -> meta.matches(e.getKey(), e.getValue()))) {
                found.add(api.listed(latest, meta));
            }
        }
        return V1Responses.ok(new V1Bodies.Found(found));
    }

    @Get("/subjects/{subject}/versions")
    public HttpResponse<byte[]> versions(@PathVariable String subject) {
        List<SubjectVersion> live = api.live(subject);
        if (live.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return V1Responses.ok(new V1Bodies.Versions(subject, live.stream().map(api::registration).toList()));
    }

    /** A version by semantic version ({@code 1.2.0}) or {@code latest}. */
    @Get("/subjects/{subject}/versions/{version}")
    public HttpResponse<byte[]> version(@PathVariable String subject, @PathVariable String version) {
        List<SubjectVersion> live = api.live(subject);
        if (live.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        if ("latest".equalsIgnoreCase(version)) {
            return V1Responses.ok(api.version(live.get(live.size() - 1)));
        }
        SemanticVersion wanted = SemanticVersion.parse(version).orElseThrow(() -> new RegistryException(
                ErrorCode.INVALID_VERSION, "'" + version + "' is neither a semantic version MAJOR.MINOR.PATCH nor "
                + "'latest'"));
        for (int i = live.size() - 1; i >= 0; i--) {
            if (api.metadata(live.get(i)).semver().filter(wanted::equals).isPresent()) {
                return V1Responses.ok(api.version(live.get(i)));
            }
        }
        throw new RegistryException(ErrorCode.VERSION_NOT_FOUND, "Version " + wanted + " not found.");
    }

    // ---- validation -----------------------------------------------------------------------------------------

    @Post("/validate/{id}")
    public HttpResponse<byte[]> validate(@PathVariable int id, @Body byte[] body,
                                         @Nullable @QueryValue String message) {
        JsonNode request = api.body(body);
        PayloadValidator validator = validators.get(id, message);
        String type = reads.schema(id).type().name().toLowerCase(java.util.Locale.ROOT);
        JsonNode batch = request.isObject() && request.size() == 1 ? request.get("payloads") : null;
        if (batch != null) {
            if (!batch.isArray()) {
                throw V1Responses.unprocessable("Field 'payloads' must be an array");
            }
            if (batch.size() > settings.getMaxBatch()) {
                throw V1Responses.unprocessable("Batch of " + batch.size() + " payloads exceeds the limit of "
                        + settings.getMaxBatch());
            }
            if (body.length > settings.getMaxPayloadBytes()) {
                for (int i = 0; i < batch.size(); i++) {
                    int size = batch.get(i).toString().getBytes(StandardCharsets.UTF_8).length;
                    if (size > settings.getMaxPayloadBytes()) {
                        throw V1Responses.tooLarge("Payload " + i + " of " + size + " bytes exceeds the limit of "
                                + settings.getMaxPayloadBytes() + " bytes");
                    }
                }
            }
            List<V1Bodies.Validation> results = new ArrayList<>();
            int valid = 0;
            for (JsonNode payload : batch) {
                ValidationResult r = validator.validate(payload);
                count(type, r);
                valid += r.valid() ? 1 : 0;
                results.add(result(r));
            }
            return V1Responses.ok(new V1Bodies.Batch(valid == batch.size(), valid, batch.size() - valid, results));
        }
        if (body.length > settings.getMaxPayloadBytes()) {
            throw V1Responses.tooLarge("Payload of " + body.length + " bytes exceeds the limit of "
                    + settings.getMaxPayloadBytes() + " bytes");
        }
        ValidationResult r = validator.validate(request);
        count(type, r);
        return V1Responses.ok(result(r));
    }

    private void count(String type, ValidationResult r) {
        meters.counter("registry.validations", "schema_type", type, "result", r.valid() ? "valid" : "invalid")
                .increment();
    }

    private static V1Bodies.Validation result(ValidationResult r) {
        List<V1Bodies.Error> errors = new ArrayList<>();
        for (ValidationError e : r.errors()) {
            errors.add(new V1Bodies.Error(e.path(), e.keyword(), e.message()));
        }
        return new V1Bodies.Validation(r.valid(), errors);
    }

    // ---- compatibility --------------------------------------------------------------------------------------

    @Post("/compatibility/check")
    public HttpResponse<byte[]> check(@Body byte[] body) {
        JsonNode request = api.object(body);
        String subject = V1Api.subject(request);
        SchemaType type = V1Api.schemaType(request);
        String text = api.schemaText(request);
        String levelText = V1Api.text(request, "level", false);
        Optional<CompatibilityLevel> level = Optional.empty();
        if (levelText != null) {
            level = CompatibilityLevel.parse(levelText);
            if (level.isEmpty()) {
                throw new RegistryException(ErrorCode.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level '"
                        + levelText + "'; expected one of " + java.util.Arrays.toString(CompatibilityLevel.values()));
            }
        }
        ParsedSchema parsed = api.parse(subject, type, text);
        V1Api.Subject state = api.subjectState(subject);
        Optional<SubjectVersion> existing = state.holding(parsed);
        ChangeAssessment a = state.assess(parsed, V1Metadata.NONE.toConfluent(), level); // as a registration would carry
        return V1Responses.ok(new V1Bodies.Check(a.compatible(), a.level().name(), a.messages(),
                existing.isPresent() ? "none" : a.bump().map(b -> b.wire()).orElse("initial"), a.breaking(),
                a.previous().map(Object::toString).orElse(null),
                existing.isPresent() ? null : a.next().toString(), existing.map(api::registration).orElse(null)));
    }

    // ---- LLM export -----------------------------------------------------------------------------------------

    @Get("/schemas/{id}/llm")
    public HttpResponse<byte[]> export(@PathVariable int id, @Nullable @QueryValue String target,
                                       @Nullable @QueryValue String name) {
        StoredSchema schema = reads.schema(id);
        LlmTarget t = LlmTarget.parse(target).orElseThrow(() -> V1Responses.unprocessable(
                "Query parameter 'target' must be one of openai, anthropic, gemini; got '" + target + "'"));
        Optional<SubjectVersion> usage = reads.usagesOf(id).stream().filter(v -> !v.deleted())
                .findFirst();
        String definitionName = name != null ? name
                : usage.map(v -> toolName(v.subject())).orElse("schema_" + id);
        String description = usage.map(v -> api.metadata(v).description()).orElse(null);
        if (schema.type() != SchemaType.JSON) {
            return refuse(t, List.of(new ExportProblem("", "schema_type", "only JSON Schema schemas can be exported "
                    + "as structured-output definitions; schema " + id + " is " + schema.type())));
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(schema.schema());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON Schema does not parse", e);
        }
        ExportResult result = StructuredOutputExporter.export(t, definitionName, description, node);
        if (!result.exportable()) {
            return refuse(t, result.problems());
        }
        return V1Responses.ok(new V1Bodies.Export(id, t.wire(), definitionName, result.definition()));
    }

    private static HttpResponse<byte[]> refuse(LlmTarget target, List<ExportProblem> problems) {
        List<V1Bodies.Problem> list = new ArrayList<>();
        for (ExportProblem p : problems) {
            list.add(new V1Bodies.Problem(p.path(), p.construct(), p.message()));
        }
        return V1Responses.status(HttpStatus.UNPROCESSABLE_ENTITY, new V1Bodies.Refusal(
                ErrorCode.UNPROCESSABLE_ENTITY.code(), "The schema cannot be exported faithfully to " + target.wire()
                + " strict mode: " + problems.size() + " unsupported construct(s)", target.wire(), list));
    }

    /** A subject as a tool name: [a-zA-Z0-9_-], at most 64 characters. */
    static String toolName(String subject) {
        String name = subject.replaceAll("[^a-zA-Z0-9_-]", "_");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
