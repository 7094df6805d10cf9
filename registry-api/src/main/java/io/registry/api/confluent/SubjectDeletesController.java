package io.registry.api.confluent;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.api.read.RegistryReads;
import io.registry.api.read.SubjectAliases;
import io.registry.api.write.WriteResult;
import io.registry.api.write.WriteService;
import io.registry.core.command.Command;
import io.registry.core.command.Outcome;

/**
 * The {@code /subjects} family, deleting: a whole subject or one version, soft or (after a soft delete) permanent.
 * What may be deleted is the sequencer's decision ({@code DeleteRules}); this only names the command.
 */
@Controller("/subjects")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
public class SubjectDeletesController {

    private final WriteService writes;
    private final SubjectAliases aliases;

    public SubjectDeletesController(WriteService writes, SubjectAliases aliases) {
        this.writes = writes;
        this.aliases = aliases;
    }

    /** Soft delete (or, with {@code permanent=true} after a soft delete, hard delete): the versions deleted. */
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Delete("/{subject}")
    public HttpResponse<byte[]> deleteSubject(@PathVariable String subject,
                                              @QueryValue(defaultValue = "false") boolean permanent) {
        subject = aliases.resolve(subject);
        WriteResult result = writes.submit(new Command.DeleteSubject(subject, permanent), Principals.ANONYMOUS);
        return WriteResponses.ok(((Outcome.SubjectDeleted) result.outcome()).versions(), result);
    }

    /** Soft or hard delete of one version ({@code latest} allowed): the version number deleted. */
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Delete("/{subject}/versions/{version}")
    public HttpResponse<byte[]> deleteVersion(@PathVariable String subject, @PathVariable String version,
                                              @QueryValue(defaultValue = "false") boolean permanent) {
        subject = aliases.resolve(subject);
        int number = RegistryReads.versionNumber(version);
        WriteResult result = writes.submit(new Command.DeleteVersion(subject, number, permanent),
                Principals.ANONYMOUS);
        return WriteResponses.ok(((Outcome.VersionDeleted) result.outcome()).version(), result);
    }
}
