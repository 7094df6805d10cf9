package io.registry.api.confluent;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryMediaTypes;
import io.registry.api.http.RegistryException;
import io.registry.api.read.RegistryReads;
import io.registry.core.command.ErrorCode;
import io.registry.api.read.SubjectAliases;
import io.registry.core.subject.CompatibilityRules;
import io.registry.core.subject.QualifiedSubject;
import io.registry.core.subject.SubjectHistory;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ParsedSchema;
import io.registry.readmodel.SubjectVersion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /compatibility/subjects/{s}/versions[/{v}]}: answered on the API node from the projection with the
 * same {@link CompatibilityRules} the sequencer enforces with; nothing goes through the log.
 */
@Controller("/compatibility/subjects/{subject}/versions")
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes(RegistryMediaTypes.ANY) // ConfluentContentNegotiation decides what is refused
@ExecuteOn(TaskExecutors.BLOCKING)
public class CompatibilityController {
    private final RegistryReads reads;
    private final SubjectAliases aliases;

    public CompatibilityController(RegistryReads reads, SubjectAliases aliases) {
        this.reads = reads;
        this.aliases = aliases;
    }

    /**
     * Against one live version (the level's directions, transitivity moot), as Confluent: an invalid version → 42202;
     * a version that is missing or soft-deleted → 40402, also when the whole subject is (Confluent does not look
     * the subject up first); {@code latest} of an empty or soft-deleted subject → checked against nothing.
     */
    @Post("/{version}")
    @Consumes({"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream", "text/plain"})
    public HttpResponse<byte[]> againstVersion(@PathVariable String subject, @PathVariable String version,
                                               @Body byte[] body,
                                               @QueryValue(defaultValue = "false") boolean verbose,
                                               @QueryValue(defaultValue = "false") boolean normalize) {
        subject = aliases.resolve(subject);
        SchemaRequest request = SchemaRequest.parse(body);
        List<SubjectVersion> target = reads.liveVersionToCheck(subject, version).stream().toList();
        return answer(check(subject, request, normalize, target, verbose), verbose);
    }

    /** Against the versions the subject's level names: the latest, or all for *_TRANSITIVE. */
    @Post
    @Consumes({"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream", "text/plain"})
    public HttpResponse<byte[]> againstSubject(@PathVariable String subject, @Body byte[] body,
                                               @QueryValue(defaultValue = "false") boolean verbose,
                                               @QueryValue(defaultValue = "false") boolean normalize) {
        subject = aliases.resolve(subject);
        SchemaRequest request = SchemaRequest.parse(body);
        List<SubjectVersion> live = reads.liveVersions(subject);
        return answer(check(subject, request, normalize, live, verbose), verbose);
    }

    /**
     * The sequencer's rule ({@link CompatibilityRules}) on the projection: the subject's settings, the versions of
     * the proposed schema's compatibility group, its reserved fields against the latest of {@code against}. An
     * invalid schema is 42201, or with {@code verbose} an incompatible answer whose message says why (Confluent's
     * behaviour on both routes).
     */
    private List<String> check(String subject, SchemaRequest request, boolean normalize,
                               List<SubjectVersion> against, boolean verbose) {
        ParsedSchema proposed;
        try {
            proposed = reads.parse(subject, request.schemaType(), request.schema(), request.references(),
                    reads.normalize(subject, normalize));
        } catch (InvalidSchemaException e) {
            if (verbose) {
                return List.of(e.getMessage());
            }
            throw new RegistryException(ErrorCode.INVALID_SCHEMA, e.getMessage());
        }
        SubjectHistory<SubjectVersion> history = SubjectHistory.of(against, reads::metadataOf,
                v -> reads.parsed(QualifiedSubject.contextOf(v.subject()), reads.schemaOf(v)));
        return CompatibilityRules.check(reads.format(proposed.type()),
                reads.compatibilitySettings(subject), proposed, request.metadata(), history);
    }

    private static HttpResponse<byte[]> answer(List<String> messages, boolean verbose) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("is_compatible", messages.isEmpty());
        if (verbose) {
            body.put("messages", messages);
        }
        return JsonResponses.ok(body);
    }
}
