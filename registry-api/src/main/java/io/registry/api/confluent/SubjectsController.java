package io.registry.api.confluent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryException;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.api.read.RegistryReads;
import io.registry.api.read.SubjectAliases;
import io.registry.api.write.WriteResult;
import io.registry.api.write.WriteService;
import io.registry.core.command.Command;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ParsedSchema;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.SubjectVersion;

import java.util.List;
import java.util.Optional;

/**
 * The {@code /subjects} family, the subjects themselves: list them, register a schema under one, look a schema up
 * in one. Reading versions is {@link SubjectVersionsController}'s, deleting {@link SubjectDeletesController}'s.
 */
@Controller("/subjects")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
public class SubjectsController {

    private final RegistryReads reads;
    private final WriteService writes;
    private final SubjectAliases aliases;

    public SubjectsController(RegistryReads reads, WriteService writes, SubjectAliases aliases) {
        this.reads = reads;
        this.writes = writes;
        this.aliases = aliases;
    }

    /**
     * {@code subjectPrefix} (none or Confluent's {@code :*:} = every subject of every context; {@code :.ctx:} = the
     * subjects of one context), {@code deleted}
     * (include soft-deleted subjects), {@code deletedOnly} (only subjects whose every version is soft-deleted),
     * {@code offset}/{@code limit} (limit -1 = all).
     */
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get
    public HttpResponse<byte[]> list(@Nullable @QueryValue String subjectPrefix,
                                     @QueryValue(defaultValue = "false") boolean deleted,
                                     @QueryValue(defaultValue = "false") boolean deletedOnly,
                                     @QueryValue(defaultValue = "0") int offset,
                                     @QueryValue(defaultValue = "-1") int limit) {
        List<String> subjects = deletedOnly
                ? SubjectListings.deletedOnly(reads.subjects(true), reads.subjects(false))
                : reads.subjects(deleted);
        return JsonResponses.ok(Paging.page(SubjectListings.withPrefix(subjects, subjectPrefix), offset, limit));
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Post("/{subject}/versions")
    @Consumes({"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream", "text/plain"})
    public HttpResponse<byte[]> register(@PathVariable String subject, @Body byte[] body,
                                         @QueryValue(defaultValue = "false") boolean normalize) {
        subject = aliases.resolve(subject);
        Subjects.valid(subject);
        SchemaRequest request = SchemaRequest.parse(body);
        boolean plain = request.id() == null && request.version() == null
                && request.metadata() == null && request.ruleSet() == null;
        if (plain) {
            // A producer re-sending the text it registered: answered from the projection by one lookup, no parse.
            Optional<Integer> existing = reads.findRepeat(subject, request.schemaType(), request.schema(),
                    request.references());
            if (existing.isPresent()) {
                return JsonResponses.ok(new SchemaBodies.Id(existing.get()));
            }
        }
        // Parse errors (42201), normalize, mode and compatibility are the sequencer's to decide, against the state
        // it decides in, not against a projection that a concurrent write may already have overtaken.
        WriteResult result = writes.submit(new Command.RegisterSchema(subject, request.schemaType(),
                request.schema(), request.references(), normalize, request.id(), request.version(),
                request.metadata(), request.ruleSet()), Principals.ANONYMOUS);
        Outcome.Registered registered = (Outcome.Registered) result.outcome();
        if (registered.replayed()) {
            // Confluent answers an IMPORT of an existing version with the whole registered schema.
            SubjectVersion v = reads.version(subject, String.valueOf(registered.version()), false);
            return WriteResponses.ok(SchemaBodies.registered(v, reads.schemaOf(v),
                    reads.extras(subject, v.version())), result);
        }
        return WriteResponses.ok(new SchemaBodies.Id(registered.id()), result);
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Post("/{subject}")
    @Consumes({"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream", "text/plain"})
    public HttpResponse<byte[]> lookup(@PathVariable String subject, @Body byte[] body,
                                       @QueryValue(defaultValue = "false") boolean normalize,
                                       @QueryValue(defaultValue = "false") boolean deleted) {
        subject = aliases.resolve(subject);
        SchemaRequest request = SchemaRequest.parse(body);
        reads.versions(subject, deleted);
        ParsedSchema parsed;
        try {
            parsed = reads.parseForLookup(subject, request.schemaType(), request.schema(), request.references(),
                    reads.normalize(subject, normalize));
        } catch (InvalidSchemaException e) {
            throw new RegistryException(ErrorCode.INVALID_SCHEMA, e.getMessage());
        }
        SubjectVersion found = reads.findInSubject(subject, parsed, deleted)
                .orElseThrow(RegistryException::schemaNotFound);
        StoredSchema schema = reads.schemaOf(found);
        return JsonResponses.ok(SchemaBodies.version(found, schema,
                reads.extras(subject, found.version())));
    }
}
