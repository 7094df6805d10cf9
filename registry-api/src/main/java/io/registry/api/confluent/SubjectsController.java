package io.registry.api.confluent;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.api.http.RegistryException;
import io.registry.api.read.RegistryReads;
import io.registry.api.write.WriteResult;
import io.registry.api.write.WriteService;
import io.registry.core.command.Command;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ParsedSchema;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** {@code /subjects…}: list, register, look up and read subject versions. */
@Controller("/subjects")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubjectsController {

    private final RegistryReads reads;
    private final WriteService writes;

    public SubjectsController(RegistryReads reads, WriteService writes) {
        this.reads = reads;
        this.writes = writes;
    }

    @Get
    public HttpResponse<byte[]> list(@QueryValue(defaultValue = "false") boolean deleted) {
        return JsonResponses.ok(reads.readModel().subjects(deleted));
    }

    @Get("/{subject}/versions")
    public HttpResponse<byte[]> versions(@PathVariable String subject,
                                         @QueryValue(defaultValue = "false") boolean deleted) {
        return JsonResponses.ok(reads.versions(subject, deleted).stream().map(SubjectVersion::version).toList());
    }

    // GET /subjects/{s}/versions/{v} itself: SubjectVersionController (non-blocking from Redis; issue 4).

    @Get("/{subject}/versions/{version}/schema")
    public HttpResponse<byte[]> rawVersion(@PathVariable String subject, @PathVariable String version,
                                           @QueryValue(defaultValue = "false") boolean deleted) {
        SubjectVersion v = reads.version(subject, version, deleted);
        return JsonResponses.ok(reads.schema(v.schemaId()).schema().getBytes(StandardCharsets.UTF_8));
    }

    @Post("/{subject}/versions")
    @Consumes({"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream", "text/plain"})
    public HttpResponse<byte[]> register(@PathVariable String subject, @Body byte[] body,
                                         @QueryValue(defaultValue = "false") boolean normalize) {
        Subjects.valid(subject);
        SchemaRequest request = SchemaRequest.parse(body);
        ParsedSchema parsed = parse(request, normalize);
        boolean plain = request.id() == null && request.version() == null
                && request.metadata() == null && request.ruleSet() == null;
        if (plain) {
            // Idempotent repeat: answered from the projection without a round trip through the log.
            Optional<SubjectVersion> existing = reads.findInSubject(subject, parsed, false);
            if (existing.isPresent()) {
                return JsonResponses.ok(Map.of("id", existing.get().schemaId()));
            }
        }
        WriteResult result = writes.submit(new Command.RegisterSchema(subject, request.schemaType(),
                request.schema(), request.references(), normalize, request.id(), request.version(),
                request.metadata(), request.ruleSet()), Principals.ANONYMOUS);
        Outcome.Registered registered = (Outcome.Registered) result.outcome();
        return WriteResponses.ok(Map.of("id", registered.id()), result);
    }

    @Post("/{subject}")
    @Consumes({"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream", "text/plain"})
    public HttpResponse<byte[]> lookup(@PathVariable String subject, @Body byte[] body,
                                       @QueryValue(defaultValue = "false") boolean normalize,
                                       @QueryValue(defaultValue = "false") boolean deleted) {
        SchemaRequest request = SchemaRequest.parse(body);
        reads.versions(subject, deleted);
        ParsedSchema parsed = parse(request, normalize);
        SubjectVersion found = reads.findInSubject(subject, parsed, deleted)
                .orElseThrow(RegistryException::schemaNotFound);
        StoredSchema schema = reads.schema(found.schemaId());
        return JsonResponses.ok(SchemaBodies.version(found, schema));
    }

    private ParsedSchema parse(SchemaRequest request, boolean normalize) {
        try {
            return reads.parse(request.schemaType(), request.schema(), request.references(), normalize);
        } catch (InvalidSchemaException e) {
            throw new RegistryException(ErrorCode.INVALID_SCHEMA, e.getMessage());
        }
    }
}
