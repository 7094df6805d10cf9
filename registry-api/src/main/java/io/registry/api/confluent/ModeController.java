package io.registry.api.confluent;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryException;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.api.http.RequestBodies;
import io.registry.api.read.RegistryReads;
import io.registry.api.write.WriteResult;
import io.registry.api.write.WriteService;
import io.registry.core.command.Command;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.subject.Mode;

import java.util.Optional;

/**
 * {@code /mode[/{subject}]}: READWRITE, READONLY, READONLY_OVERRIDE, IMPORT. The rules (IMPORT only on an empty
 * scope unless {@code force}, what a mode permits) are decided by the sequencer in registry-core.
 */
@Controller("/mode")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
@ExecuteOn(TaskExecutors.BLOCKING)
public class ModeController {
    private final RegistryReads reads;
    private final WriteService writes;

    public ModeController(RegistryReads reads, WriteService writes) {
        this.reads = reads;
        this.writes = writes;
    }

    @Get
    public HttpResponse<byte[]> global() {
        return JsonResponses.ok(new ModeBody(reads.effectiveMode(null).name()));
    }

    @Put
    @Consumes({"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream", "text/plain"})
    public HttpResponse<byte[]> updateGlobal(@Body byte[] body, @QueryValue(defaultValue = "false") boolean force) {
        return update(null, body, force);
    }

    @Delete
    public HttpResponse<byte[]> deleteGlobal() {
        return delete(null);
    }

    /** 40409 when the subject has no mode of its own (and no global READONLY_OVERRIDE), unless {@code defaultToGlobal}. */
    @Get("/{subject}")
    public HttpResponse<byte[]> subject(@PathVariable String subject,
                                        @QueryValue(defaultValue = "false") boolean defaultToGlobal) {
        // As Confluent's getMode/getModeInScope: a global READONLY_OVERRIDE is every subject's mode; defaultToGlobal
        // answers the mode in effect, by the same policy as the sequencer's (EffectiveSettings).
        Optional<Mode> mode = defaultToGlobal
                ? Optional.of(reads.effectiveMode(subject)) : reads.ownMode(subject);
        return JsonResponses.ok(new ModeBody(mode.orElseThrow(() -> new RegistryException(
                ErrorCode.SUBJECT_LEVEL_MODE_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level mode configured")).name()));
    }

    @Put("/{subject}")
    @Consumes({"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream", "text/plain"})
    public HttpResponse<byte[]> updateSubject(@PathVariable String subject, @Body byte[] body,
                                              @QueryValue(defaultValue = "false") boolean force) {
        return update(Subjects.valid(subject), body, force);
    }

    @Delete("/{subject}")
    public HttpResponse<byte[]> deleteSubject(@PathVariable String subject) {
        return delete(subject);
    }

    private HttpResponse<byte[]> update(String subject, byte[] body, boolean force) {
        JsonNode node = RequestBodies.object(body);
        Mode mode = Mode.parse(RequestBodies.text(node, "mode")).orElseThrow(() -> new RegistryException(
                ErrorCode.INVALID_MODE, "Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE "
                + "and IMPORT."));
        WriteResult result = writes.submit(new Command.UpdateMode(subject, mode.name(), force), Principals.ANONYMOUS);
        return WriteResponses.ok(new ModeBody(((Outcome.ModeUpdated) result.outcome()).mode()), result);
    }

    private HttpResponse<byte[]> delete(String subject) {
        WriteResult result = writes.submit(new Command.DeleteMode(subject), Principals.ANONYMOUS);
        return WriteResponses.ok(new ModeBody(((Outcome.ModeDeleted) result.outcome()).mode()), result);
    }

    /** Confluent's {@code Mode} entity, the answer of every {@code /mode} route. */
    record ModeBody(String mode) {
    }
}
