package io.registry.api.confluent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;

import java.util.List;

/** {@code /schemas/ids/{id}/…}: schemas by global id ({@code GET /schemas/ids/{id}}: {@link SchemaByIdController}). */
@Controller("/schemas/ids/{id}")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class SchemasController {
    private final RegistryReads reads;

    public SchemasController(RegistryReads reads) {
        this.reads = reads;
    }

    // GET /schemas/ids/{id} itself: SchemaByIdController (non-blocking on a cache hit; issue 4).

    @Get("/schema")
    public HttpResponse<byte[]> rawById(@PathVariable int id, @Nullable @QueryValue String subject) {
        // subject does not filter, as in Confluent's default context (see SchemaByIdController)
        StoredSchema schema = reads.schema(id);
        return JsonResponses.ok(schema.schema().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Get("/subjects")
    public HttpResponse<byte[]> subjects(@PathVariable int id,
                                         @QueryValue(defaultValue = "false") boolean deleted) {
        reads.schema(id);
        List<String> subjects = usages(id, deleted).stream().map(SubjectVersion::subject).distinct().sorted().toList();
        return JsonResponses.ok(subjects);
    }

    @Get("/versions")
    public HttpResponse<byte[]> versions(@PathVariable int id,
                                         @QueryValue(defaultValue = "false") boolean deleted) {
        reads.schema(id);
        return JsonResponses.ok(usages(id, deleted).stream().map(SchemaBodies::subjectVersion).toList());
    }

    private List<SubjectVersion> usages(int id, boolean includeDeleted) {
        return reads.readModel().usagesOf(id).stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

}
