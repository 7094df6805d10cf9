package io.registry.api.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.registry.core.command.ErrorCode;

/**
 * Answers a context-prefixed URL whose context name Confluent refuses ({@link ContextUrlPipeline} routes it
 * here): Confluent's {@code ContextFilter} aborts such requests with 400 {@code {"error_code":400,…}}.
 */
@Controller(ContextUrlPipeline.INVALID_CONTEXT_PATH)
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
@Consumes({"*/*"})
public class InvalidContextController {
    static final String MESSAGE = "Context name cannot contain a colon";

    @Get
    public HttpResponse<byte[]> get() {
        return refuse();
    }

    @Post
    public HttpResponse<byte[]> post() {
        return refuse();
    }

    @Put
    public HttpResponse<byte[]> put() {
        return refuse();
    }

    @Delete
    public HttpResponse<byte[]> delete() {
        return refuse();
    }

    private static HttpResponse<byte[]> refuse() {
        return JsonResponses.error(ErrorCode.BAD_REQUEST, MESSAGE);
    }
}
