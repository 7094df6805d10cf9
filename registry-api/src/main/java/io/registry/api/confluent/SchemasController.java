package io.registry.api.confluent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.api.read.RegistryReads;
import io.registry.readmodel.SubjectVersion;

import java.util.List;

/** {@code /schemas/ids/{id}/…}: schemas by global id ({@code GET /schemas/ids/{id}}: {@link SchemaByIdController}). */
@Controller("/schemas/ids/{id}")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
@ExecuteOn(TaskExecutors.BLOCKING)
public class SchemasController {
    private final RegistryReads reads;

    public SchemasController(RegistryReads reads) {
        this.reads = reads;
    }

    // GET /schemas/ids/{id} itself: SchemaByIdController (non-blocking on a cache hit; issue 4).

    /**
     * The schema text alone. {@code subject} picks the schema context as on {@code GET /schemas/ids/{id}}
     * ({@link RegistryReads#locate}); {@code format} renders it the same way.
     */
    @Get("/schema")
    public HttpResponse<byte[]> rawById(@PathVariable int id, @Nullable @QueryValue String subject,
                                        @Nullable @QueryValue String format) {
        RegistryReads.Located found = reads.locate(id, subject);
        String text = reads.formatted(found.context(), found.schema(), format);
        return JsonResponses.ok(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The subjects using the id in the context {@code subject} picks (Confluent's {@code listSubjectsForId}), paged
     * by {@code offset}/{@code limit} as Confluent's other lists ({@link Paging}).
     */
    @Get("/subjects")
    public HttpResponse<byte[]> subjects(@PathVariable int id, @Nullable @QueryValue String subject,
                                         @QueryValue(defaultValue = "false") boolean deleted,
                                         @QueryValue(defaultValue = "0") int offset,
                                         @QueryValue(defaultValue = "-1") int limit) {
        List<String> subjects = usages(id, subject, deleted).stream().map(SubjectVersion::subject).distinct().sorted()
                .toList();
        return JsonResponses.ok(Paging.page(subjects, offset, limit));
    }

    /** The subject versions using the id in the context {@code subject} picks ({@code listVersionsForId}), paged. */
    @Get("/versions")
    public HttpResponse<byte[]> versions(@PathVariable int id, @Nullable @QueryValue String subject,
                                         @QueryValue(defaultValue = "false") boolean deleted,
                                         @QueryValue(defaultValue = "0") int offset,
                                         @QueryValue(defaultValue = "-1") int limit) {
        return JsonResponses.ok(Paging.page(usages(id, subject, deleted), offset, limit).stream()
                .map(SchemaBodies::subjectVersion).toList());
    }

    private List<SubjectVersion> usages(int id, String subject, boolean includeDeleted) {
        String context = reads.locate(id, subject).context();
        return reads.usagesOf(context, id).stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }
}
