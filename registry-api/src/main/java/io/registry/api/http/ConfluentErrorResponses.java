package io.registry.api.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of every error Micronaut answers by itself — requests Netty could not decode (an over-long request line or
 * header block, a malformed header), bodies over the size limit, and Micronaut's own exception handlers — in
 * Confluent's shape, {@code {"error_code": <HTTP status>, "message": …}} with Confluent's content type, instead of
 * Micronaut's HATEOAS JSON (or an HTML page for browsers): clients parse {@code error_code} from every error.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ConfluentErrorResponses implements ErrorResponseProcessor<byte[]> {

    @Override
    public MutableHttpResponse<byte[]> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        String message = context.getErrors().stream().map(Error::getMessage).filter(m -> m != null && !m.isBlank())
                .findFirst().orElse("HTTP " + status + " " + response.reason());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", status);
        body.put("message", message);
        return response.body(JsonResponses.bytes(body)).contentType(JsonResponses.V1_JSON);
    }
}
