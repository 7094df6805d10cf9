package io.registry.api.confluent;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Delete;
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
import io.registry.api.read.SubjectAliases;
import io.registry.api.read.SubjectVersionFastPath;
import jakarta.inject.Named;
import io.registry.api.write.WriteResult;
import io.registry.api.write.WriteService;
import io.registry.core.command.Command;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ParsedSchema;
import io.registry.core.subject.QualifiedSubject;
import io.registry.readmodel.StoredSchema;
import io.registry.readmodel.VersionExtras;
import io.registry.readmodel.SubjectVersion;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The {@code /subjects} family: list, register, look up, read and delete subject versions. Every route runs on the
 * blocking executor except {@code GET /subjects/{s}/versions/{v}}, which first tries the non-blocking
 * {@link SubjectVersionFastPath} on the event loop (issue 4).
 */
@Controller("/subjects")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
public class SubjectsController {

    private final RegistryReads reads;
    private final WriteService writes;
    private final SubjectAliases aliases;
    private final SubjectVersionFastPath fastPath;
    private final Executor blocking;

    public SubjectsController(RegistryReads reads, WriteService writes, SubjectAliases aliases,
                              SubjectVersionFastPath fastPath, @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.reads = reads;
        this.writes = writes;
        this.aliases = aliases;
        this.fastPath = fastPath;
        this.blocking = blocking;
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
        List<String> subjects;
        if (deletedOnly) {
            Set<String> live = new HashSet<>(reads.subjects(false));
            subjects = reads.subjects(true).stream().filter(s -> !live.contains(s)).toList();
        } else {
            subjects = reads.subjects(deleted);
        }
        return JsonResponses.ok(Paging.page(subjects.stream().filter(s -> Paging.matches(s, subjectPrefix)).toList(),
                offset, limit));
    }

    /**
     * {@code deleted} includes soft-deleted versions, {@code deletedOnly} lists only those, {@code deletedAsNegative}
     * (with {@code deleted}) lists soft-deleted versions as negative numbers; {@code offset}/{@code limit}.
     */
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/{subject}/versions")
    public HttpResponse<byte[]> versions(@PathVariable String subject,
                                         @QueryValue(defaultValue = "false") boolean deleted,
                                         @QueryValue(defaultValue = "false") boolean deletedOnly,
                                         @QueryValue(defaultValue = "false") boolean deletedAsNegative,
                                         @QueryValue(defaultValue = "0") int offset,
                                         @QueryValue(defaultValue = "-1") int limit) {
        subject = aliases.resolve(subject);
        List<SubjectVersion> all = reads.versions(subject, deleted || deletedOnly);
        List<Integer> numbers = all.stream()
                .filter(v -> !deletedOnly || v.deleted())
                .map(v -> deletedAsNegative && v.deleted() ? -v.version() : v.version())
                .toList();
        return JsonResponses.ok(Paging.page(numbers, offset, limit));
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

    /** Ids of the live schemas that reference this version. */
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/{subject}/versions/{version}/referencedby")
    public HttpResponse<byte[]> referencedBy(@PathVariable String subject, @PathVariable String version,
                                             @QueryValue(defaultValue = "false") boolean deleted) {
        subject = aliases.resolve(subject);
        SubjectVersion v = reads.version(subject, version, deleted);
        return JsonResponses.ok(reads.referencedBy(subject, v.version()));
    }

    /**
     * Confluent's {@code getLatestWithMetadata}: the newest version whose {@code metadata.properties} hold every
     * {@code key}/{@code value} pair (paired by position, extra keys or values ignored, as Confluent), scanning
     * soft-deleted versions too with {@code deleted}; 40401 without such a subject, 40403 when no version matches.
     */
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/{subject}/metadata")
    public HttpResponse<byte[]> latestWithMetadata(@PathVariable String subject,
                                                   @Nullable @QueryValue("key") List<String> key,
                                                   @Nullable @QueryValue("value") List<String> value,
                                                   @QueryValue(defaultValue = "false") boolean deleted,
                                                   @Nullable @QueryValue String format) {
        Map<String, String> wanted = new HashMap<>();
        List<String> keys = key == null ? List.of() : key;
        List<String> values = value == null ? List.of() : value;
        for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
            wanted.put(keys.get(i), values.get(i));
        }
        List<SubjectVersion> newestFirst = new ArrayList<>(reads.versions(subject, deleted));
        Collections.reverse(newestFirst);
        for (SubjectVersion v : newestFirst) {
            Optional<VersionExtras> extras = reads.extras(subject, v.version());
            if (extras.isPresent() && hasProperties(extras.get(), wanted)) {
                StoredSchema schema = reads.schemaOf(v);
                SchemaBodies.Version body = SchemaBodies.version(v, schema, extras);
                if (format != null && !format.isBlank()) {
                    body = body.withSchema(reads.formatted(QualifiedSubject.contextOf(subject), schema, format));
                }
                return JsonResponses.ok(body);
            }
        }
        throw RegistryException.schemaNotFound();
    }

    private static boolean hasProperties(VersionExtras extras, Map<String, String> wanted) {
        JsonNode properties = extras.metadata() == null ? null : extras.metadata().get("properties");
        if (properties == null || !properties.isObject()) {
            return false;
        }
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            JsonNode got = properties.get(e.getKey());
            if (got == null || !got.isTextual() || !got.asText().equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** {@code latest}, {@code -1} or a number; {@code format}: Confluent's schema rendering. */
    @Get("/{subject}/versions/{version}")
    public CompletableFuture<HttpResponse<byte[]>> version(@PathVariable String subject, @PathVariable String version,
                                                           @QueryValue(defaultValue = "false") boolean deleted,
                                                           @Nullable @QueryValue String format) {
        if (deleted || (format != null && !format.isBlank()) || !fastPath.enabled()) {
            return blockingVersion(subject, version, deleted, format);
        }
        return fastPath.answer(subject, version, SubjectsController::render).thenCompose(fast -> fast != null
                ? CompletableFuture.completedFuture(JsonResponses.ok(fast))
                : blockingVersion(subject, version, false, null));
    }

    private static byte[] render(SubjectVersion v, StoredSchema schema, Optional<VersionExtras> extras) {
        return JsonResponses.bytes(SchemaBodies.version(v, schema, extras));
    }

    /** The version through {@link RegistryReads} (Redis, then Postgres, Confluent's errors) on the blocking executor. */
    private CompletableFuture<HttpResponse<byte[]>> blockingVersion(String requested, String version, boolean deleted,
                                                                    String format) {
        CompletableFuture<HttpResponse<byte[]>> answer = new CompletableFuture<>();
        blocking.execute(() -> {
            try {
                String subject = aliases.resolve(requested);
                SubjectVersion v = reads.version(subject, version, deleted);
                Optional<VersionExtras> found = reads.extras(subject, v.version());
                fastPath.remember(v, found);
                StoredSchema schema = reads.schemaOf(v);
                SchemaBodies.Version body = SchemaBodies.version(v, schema, found);
                if (format != null && !format.isBlank()) {
                    body = body.withSchema(reads.formatted(QualifiedSubject.contextOf(subject), schema, format));
                }
                answer.complete(JsonResponses.ok(body));
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            }
        });
        return answer;
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/{subject}/versions/{version}/schema")
    public HttpResponse<byte[]> rawVersion(@PathVariable String subject, @PathVariable String version,
                                           @QueryValue(defaultValue = "false") boolean deleted) {
        subject = aliases.resolve(subject);
        SubjectVersion v = reads.version(subject, version, deleted);
        return JsonResponses.ok(reads.schemaOf(v).schema().getBytes(StandardCharsets.UTF_8));
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
