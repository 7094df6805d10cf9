package io.registry.api.confluent;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.api.http.RegistryException;
import io.registry.api.http.RequestBodies;
import io.registry.api.read.RegistryReads;
import io.registry.api.write.WriteResult;
import io.registry.api.write.WriteService;
import io.registry.core.command.Command;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.subject.EffectiveSettings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /config[/{subject}]}: compatibility levels. */
@Controller("/config")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConfigController {
    private final RegistryReads reads;
    private final WriteService writes;

    public ConfigController(RegistryReads reads, WriteService writes) {
        this.reads = reads;
        this.writes = writes;
    }

    @Get
    public HttpResponse<byte[]> global() {
        return JsonResponses.ok(body(reads.effectiveCompatibility(null).name(), reads.readModel().normalize(null)));
    }

    @Put
    @Consumes({"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream", "text/plain"})
    public HttpResponse<byte[]> updateGlobal(@Body byte[] body) {
        return update(null, body);
    }

    /**
     * 40408 when the subject has no level of its own, unless {@code defaultToGlobal=true}. (kafkajs relies on the
     * 40408 to decide whether to set one.)
     */
    @Get("/{subject}")
    public HttpResponse<byte[]> subject(@PathVariable String subject,
                                        @QueryValue(defaultValue = "false") boolean defaultToGlobal) {
        // defaultToGlobal: the setting in effect, resolved by the same policy as the sequencer's (EffectiveSettings).
        Optional<CompatibilityLevel> level = defaultToGlobal
                ? Optional.of(reads.effectiveCompatibility(subject)) : reads.readModel().compatibilityLevel(subject);
        Optional<Boolean> normalize = defaultToGlobal
                ? EffectiveSettings.normalizeSetting(reads.readModel(), subject) : reads.readModel().normalize(subject);
        if (level.isEmpty() && normalize.isEmpty()) {
            throw new RegistryException(ErrorCode.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
                    "Subject '" + subject + "' does not have subject-level compatibility configured");
        }
        return JsonResponses.ok(body(level.map(Enum::name).orElse(null), normalize));
    }

    @Put("/{subject}")
    @Consumes({"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream", "text/plain"})
    public HttpResponse<byte[]> updateSubject(@PathVariable String subject, @Body byte[] body) {
        return update(Subjects.valid(subject), body);
    }

    /** Resets the global level to the default; answers the level that was set. */
    @Delete
    public HttpResponse<byte[]> deleteGlobal() {
        return delete(null);
    }

    /** Removes the subject's own level (40401 when it has none); answers the level that was set. */
    @Delete("/{subject}")
    public HttpResponse<byte[]> deleteSubject(@PathVariable String subject) {
        return delete(subject);
    }

    private HttpResponse<byte[]> delete(String subject) {
        WriteResult result = writes.submit(new Command.DeleteConfig(subject), Principals.ANONYMOUS);
        return WriteResponses.ok(body(((Outcome.ConfigDeleted) result.outcome()).compatibilityLevel(),
                Optional.empty()), result);
    }

    private HttpResponse<byte[]> update(String subject, byte[] body) {
        JsonNode node = RequestBodies.object(body);
        String requested = RequestBodies.text(node, "compatibility");
        Boolean normalize = RequestBodies.bool(node, "normalize");
        CompatibilityLevel level = null;
        if (requested != null || normalize == null) {
            level = CompatibilityLevel.parse(requested).orElseThrow(() -> new RegistryException(
                    ErrorCode.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level. Valid values are none, "
                    + "backward, forward, full, backward_transitive, forward_transitive, and full_transitive"));
        }
        WriteResult result = writes.submit(new Command.UpdateConfig(subject, level, normalize),
                Principals.ANONYMOUS);
        // Like Confluent, the answer echoes the request's fields.
        Map<String, Object> answer = new LinkedHashMap<>();
        if (level != null) {
            answer.put("compatibility", level.name());
        }
        if (normalize != null) {
            answer.put("normalize", normalize);
        }
        return WriteResponses.ok(answer, result);
    }

    private static Map<String, Object> body(String level, Optional<Boolean> normalize) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (level != null) {
            body.put("compatibilityLevel", level);
        }
        normalize.ifPresent(n -> body.put("normalize", n));
        return body;
    }
}
