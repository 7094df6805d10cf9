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
import io.registry.core.log.LogValue.ConfigValue;

import java.util.Optional;

/** {@code /config[/{subject}]}: Confluent's config records (level, normalize, alias, validateFields, groups…). */
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
        return JsonResponses.ok(ConfigBodies.Config.of(reads.effectiveConfig(null)));
    }

    @Put
    @Consumes({"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream", "text/plain"})
    public HttpResponse<byte[]> updateGlobal(@Body byte[] body) {
        return update(null, body);
    }

    /**
     * 40408 when the subject has no config of its own, unless {@code defaultToGlobal=true}. (kafkajs relies on the
     * 40408 to decide whether to set one.)
     */
    @Get("/{subject}")
    public HttpResponse<byte[]> subject(@PathVariable String subject,
                                        @QueryValue(defaultValue = "false") boolean defaultToGlobal) {
        Optional<ConfigValue> own = reads.ownConfig(subject);
        if (own.isEmpty() && !defaultToGlobal) {
            throw new RegistryException(ErrorCode.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
                    "Subject '" + subject + "' does not have subject-level compatibility configured");
        }
        // With defaultToGlobal the settings in effect, field by field: the subject's own, else its parent scope's
        // (its context's :.ctx: for a named context, else the global one), as the sequencer resolves them.
        return JsonResponses.ok(ConfigBodies.Config.of(defaultToGlobal ? reads.effectiveConfig(subject) : own.get()));
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
        return WriteResponses.ok(ConfigBodies.Config.level(((Outcome.ConfigDeleted) result.outcome()).compatibilityLevel()), result);
    }

    private HttpResponse<byte[]> update(String subject, byte[] body) {
        JsonNode node = RequestBodies.object(body);
        String requested = RequestBodies.text(node, "compatibility");
        Boolean normalize = RequestBodies.bool(node, "normalize");
        Boolean validateFields = RequestBodies.bool(node, "validateFields");
        String alias = RequestBodies.text(node, "alias");
        String group = RequestBodies.text(node, "compatibilityGroup");
        JsonNode defaultMetadata = object(node, "defaultMetadata");
        JsonNode overrideMetadata = object(node, "overrideMetadata");
        JsonNode defaultRuleSet = object(node, "defaultRuleSet");
        JsonNode overrideRuleSet = object(node, "overrideRuleSet");
        boolean otherFields = normalize != null || validateFields != null || alias != null || group != null
                || defaultMetadata != null || overrideMetadata != null || defaultRuleSet != null
                || overrideRuleSet != null;
        CompatibilityLevel level = null;
        if (requested != null || !otherFields) {
            level = CompatibilityLevel.parse(requested).orElseThrow(() -> new RegistryException(
                    ErrorCode.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level. Valid values are none, "
                    + "backward, forward, full, backward_transitive, forward_transitive, and full_transitive"));
        }
        WriteResult result = writes.submit(new Command.UpdateConfig(subject, level, normalize, validateFields,
                alias, group, defaultMetadata, overrideMetadata, defaultRuleSet, overrideRuleSet),
                Principals.ANONYMOUS);
        // Like Confluent, the answer echoes the request's fields (ConfigUpdateRequest's order).
        ConfigBodies.Update answer = new ConfigBodies.Update(alias, normalize, validateFields,
                level == null ? null : level.name(), group, defaultMetadata, overrideMetadata, defaultRuleSet,
                overrideRuleSet);
        return WriteResponses.ok(answer, result);
    }

    /** An object-valued field of the request; null when absent or null, 422 when of another type. */
    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "Field '" + field + "' must be an object");
        }
        return value;
    }
}
