package io.registry.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.registry.core.command.ErrorCode;

import java.util.LinkedHashMap;
import java.util.Map;

/** Serializes bodies once, as bytes, with Confluent's content type. */
public final class JsonResponses {
    public static final MediaType V1_JSON = MediaType.of(RegistryMediaTypes.V1_JSON);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {
    }

    public static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body does not serialize", e);
        }
    }

    public static MutableHttpResponse<byte[]> ok(Object body) {
        return ok(bytes(body));
    }

    public static MutableHttpResponse<byte[]> ok(byte[] body) {
        return HttpResponse.ok(body).contentType(V1_JSON);
    }

    public static MutableHttpResponse<byte[]> error(int httpStatus, int errorCode, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", errorCode);
        body.put("message", message);
        return HttpResponse.<byte[]>status(io.micronaut.http.HttpStatus.valueOf(httpStatus))
                .body(bytes(body)).contentType(V1_JSON);
    }

    public static MutableHttpResponse<byte[]> error(ErrorCode code, String message) {
        return error(code.httpStatus(), code.code(), message);
    }
}
