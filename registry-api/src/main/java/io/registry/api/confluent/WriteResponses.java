package io.registry.api.confluent;

import io.micronaut.http.MutableHttpResponse;
import io.registry.api.http.ConsistencyFilter;
import io.registry.api.http.JsonResponses;
import io.registry.api.write.WriteResult;

/**
 * A write's answer carries the log sequence it produced, so the client can ask any node of any region for
 * {@code X-Registry-Min-Seq}; when this region's projections were not there yet, it says so.
 */
final class WriteResponses {
    private WriteResponses() {
    }

    static MutableHttpResponse<byte[]> ok(Object body, WriteResult result) {
        MutableHttpResponse<byte[]> response = JsonResponses.ok(body)
                .header(ConsistencyFilter.SEQ, Long.toString(result.seq()));
        if (!result.visible()) {
            response.header(WriteResult.PROJECTION_HEADER, result.projectionHeader());
        }
        return response;
    }
}
