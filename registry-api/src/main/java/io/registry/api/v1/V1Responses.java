package io.registry.api.v1;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.registry.api.http.ConsistencyFilter;
import io.registry.api.write.WriteResult;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryException;
import io.registry.core.command.ErrorCode;


/** {@code /api/v1} answers plain {@code application/json}; errors keep the registry's {@code {error_code, message}}. */
final class V1Responses {

    private V1Responses() {
    }

    static MutableHttpResponse<byte[]> ok(Object body) {
        return HttpResponse.ok(JsonResponses.bytes(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static MutableHttpResponse<byte[]> status(HttpStatus status, Object body) {
        return HttpResponse.<byte[]>status(status).body(JsonResponses.bytes(body))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static MutableHttpResponse<byte[]> written(HttpStatus status, Object body, WriteResult result) {
        MutableHttpResponse<byte[]> r = status(status, body).header(ConsistencyFilter.SEQ,
                Long.toString(result.seq()));
        if (!result.visible()) {
            r.header(WriteResult.PROJECTION_HEADER, result.projectionHeader());
        }
        return r;
    }

    static RegistryException tooLarge(String message) {
        return new V1Exception(413, 413, message);
    }

    static RegistryException unprocessable(String message) {
        return new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, message);
    }

    static RegistryException badRequest(String message) {
        return new RegistryException(ErrorCode.BAD_REQUEST, message);
    }

    /** A RegistryException with an HTTP status no Confluent error code has (413). */
    static final class V1Exception extends RegistryException {
        private final int status;

        V1Exception(int status, int errorCode, String message) {
            super(errorCode, message);
            this.status = status;
        }

        @Override
        public int httpStatus() {
            return status;
        }
    }
}
