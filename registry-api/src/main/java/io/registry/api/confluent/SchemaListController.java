package io.registry.api.confluent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.api.read.RegistryReads;
import io.registry.readmodel.SubjectVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /schemas}: every subject version as Confluent's schema object, ordered by subject then version;
 * {@code subjectPrefix}, {@code deleted}, {@code latestOnly}, {@code offset}/{@code limit}.
 */
@Controller("/schemas")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
@ExecuteOn(TaskExecutors.BLOCKING)
public class SchemaListController {
    private final RegistryReads reads;

    public SchemaListController(RegistryReads reads) {
        this.reads = reads;
    }

    @Get
    public HttpResponse<byte[]> list(@Nullable @QueryValue String subjectPrefix,
                                     @QueryValue(defaultValue = "false") boolean deleted,
                                     @QueryValue(defaultValue = "false") boolean latestOnly,
                                     @QueryValue(defaultValue = "0") int offset,
                                     @QueryValue(defaultValue = "-1") int limit) {
        List<SubjectVersion> selected = new ArrayList<>();
        for (String subject : reads.subjects(deleted)) {
            if (!Paging.matches(subject, subjectPrefix)) {
                continue;
            }
            List<SubjectVersion> versions = reads.allVersions(subject).stream()
                    .filter(v -> deleted || !v.deleted()).toList();
            if (versions.isEmpty()) {
                continue;
            }
            selected.addAll(latestOnly ? List.of(versions.get(versions.size() - 1)) : versions);
        }
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (SubjectVersion v : Paging.page(selected, offset, limit)) {
            bodies.add(SchemaBodies.version(v, reads.schemaOf(v)));
        }
        return JsonResponses.ok(bodies);
    }
}
