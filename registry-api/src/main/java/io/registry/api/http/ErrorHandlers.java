package io.registry.api.http;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.registry.core.command.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URISyntaxException;

/**
 * Every error leaves as a Confluent error body: clients parse {@code error_code}, and a framework-shaped body
 * (or an HTML page) breaks them.
 */
@Controller
@Produces({RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON, "application/json", "text/plain", "*/*"})
public class ErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    @Error(global = true)
    public HttpResponse<byte[]> registry(HttpRequest<?> request, RegistryException e) {
        var response = JsonResponses.error(e.httpStatus(), e.errorCode(), e.getMessage());
        // Every 503 is transient (a store, Kafka or the primary region out of reach): say when to come back.
        if (e.httpStatus() == 503 && response.getHeaders().get("Retry-After") == null) {
            response.header("Retry-After", "1");
        }
        return response;
    }

    @Error(global = true)
    public HttpResponse<byte[]> badConversion(HttpRequest<?> request, ConversionErrorException e) {
        return JsonResponses.error(ErrorCode.BAD_REQUEST, "Invalid request: " + e.getMessage());
    }

    @Error(global = true)
    public HttpResponse<byte[]> unsatisfied(HttpRequest<?> request, UnsatisfiedRouteException e) {
        return JsonResponses.error(ErrorCode.BAD_REQUEST, "Invalid request: " + e.getMessage());
    }

    @Error(global = true)
    public HttpResponse<byte[]> status(HttpRequest<?> request, HttpStatusException e) {
        return JsonResponses.error(e.getStatus().getCode(), e.getStatus().getCode(), e.getMessage());
    }

    /** A request target Netty accepted but {@link java.net.URI} does not (e.g. {@code /subjects/%zz}). */
    @Error(global = true)
    public HttpResponse<byte[]> malformedUri(HttpRequest<?> request, URISyntaxException e) {
        return JsonResponses.error(ErrorCode.BAD_REQUEST, "Malformed request URI: " + e.getMessage());
    }

    /**
     * A request Netty's decoders refuse after Micronaut took it (e.g. {@code Content-Encoding: gzip} over a body
     * that is not gzip): the client's fault, not ours.
     */
    @Error(global = true)
    public HttpResponse<byte[]> undecodable(HttpRequest<?> request, DecoderException e) {
        if (e instanceof TooLongFrameException) {
            return JsonResponses.error(413, 413, "Request too large: " + e.getMessage());
        }
        return JsonResponses.error(ErrorCode.BAD_REQUEST, "Undecodable request: " + e.getMessage());
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    public HttpResponse<byte[]> notFound(HttpRequest<?> request) {
        return JsonResponses.error(ErrorCode.NOT_FOUND, "HTTP 404 Not Found");
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    public HttpResponse<byte[]> methodNotAllowed(HttpRequest<?> request) {
        return JsonResponses.error(405, 405, "HTTP 405 Method Not Allowed");
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    public HttpResponse<byte[]> unsupportedMediaType(HttpRequest<?> request) {
        return JsonResponses.error(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "HTTP 415 Unsupported Media Type");
    }

    @Error(global = true)
    public HttpResponse<byte[]> unexpected(HttpRequest<?> request, Throwable e) {
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getPath(), e);
        return JsonResponses.error(ErrorCode.STORE_ERROR, "Internal error: " + e.getClass().getSimpleName());
    }
}
