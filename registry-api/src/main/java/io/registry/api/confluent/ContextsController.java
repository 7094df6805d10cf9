package io.registry.api.confluent;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryException;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.api.read.RegistryReads;
import io.registry.core.command.ErrorCode;
import io.registry.core.subject.QualifiedSubject;

/** The {@code /contexts} family: the schema contexts that have subjects ("." first), and deleting an empty one. */
@Controller("/contexts")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
@ExecuteOn(TaskExecutors.BLOCKING)
public class ContextsController {
    private final RegistryReads reads;

    public ContextsController(RegistryReads reads) {
        this.reads = reads;
    }

    @Get
    public HttpResponse<byte[]> contexts() {
        return JsonResponses.ok(reads.contexts());
    }

    /**
     * Confluent's {@code DELETE /contexts/{context}} (8.x): 204 when the context has no subject left, soft-deleted
     * ones included (they must be deleted permanently first), else 422. Contexts exist here only through their
     * subjects, so there is nothing to write: an empty context is already gone from {@code GET /contexts}. The
     * name arrives as the context-URL rewrite spells it ({@code :.ctx:}); {@code .ctx} and {@code ctx} work too.
     */
    @Delete("/{context}")
    public HttpResponse<byte[]> deleteContext(@PathVariable String context) {
        String prefix;
        try {
            prefix = QualifiedSubject.normalizeContext(context);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        for (String subject : reads.subjects(true)) {
            if (prefix.isEmpty() ? QualifiedSubject.DEFAULT_CONTEXT.equals(QualifiedSubject.contextOf(subject))
                    : subject.startsWith(prefix)) {
                throw new RegistryException(ErrorCode.CONTEXT_NOT_EMPTY,
                        "Context '" + (prefix.isEmpty() ? QualifiedSubject.DEFAULT_CONTEXT : prefix) + "' is not empty");
            }
        }
        return HttpResponse.noContent();
    }
}
