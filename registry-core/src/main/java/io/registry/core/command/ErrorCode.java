package io.registry.core.command;

/** Confluent Schema Registry's error codes with the HTTP status each one is answered with. */
public enum ErrorCode {
    /** No or wrong credentials (security on). */
    UNAUTHORIZED(40101, 401),
    /** Authenticated, but not allowed to do this. */
    FORBIDDEN(40301, 403),
    SUBJECT_NOT_FOUND(40401, 404),
    VERSION_NOT_FOUND(40402, 404),
    SCHEMA_NOT_FOUND(40403, 404),
    SUBJECT_SOFT_DELETED(40404, 404),
    SUBJECT_NOT_SOFT_DELETED(40405, 404),
    SCHEMA_VERSION_SOFT_DELETED(40406, 404),
    SCHEMA_VERSION_NOT_SOFT_DELETED(40407, 404),
    SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED(40408, 404),
    SUBJECT_LEVEL_MODE_NOT_CONFIGURED(40409, 404),
    NOT_FOUND(404, 404),
    INCOMPATIBLE_SCHEMA(409, 409),
    INVALID_SCHEMA(42201, 422),
    INVALID_VERSION(42202, 422),
    INVALID_COMPATIBILITY_LEVEL(42203, 422),
    INVALID_MODE(42204, 422),
    OPERATION_NOT_PERMITTED(42205, 422),
    REFERENCE_EXISTS(42206, 422),
    ID_DOES_NOT_MATCH(42207, 422),
    INVALID_SUBJECT(42208, 422),
    SCHEMA_TOO_LARGE(42209, 422),
    /** {@code DELETE /contexts/{ctx}} while the context has subjects (Confluent's CONTEXT_NOT_EMPTY; value unverified). */
    CONTEXT_NOT_EMPTY(42211, 422),
    UNPROCESSABLE_ENTITY(422, 422),
    BAD_REQUEST(400, 400),
    UNSUPPORTED_MEDIA_TYPE(415, 415),
    TOO_MANY_REQUESTS(42901, 429),
    STORE_ERROR(50001, 500),
    /**
     * Kafka or the sequencer did not take the write in time. Confluent answers 500; 503 here, since it is transient
     * and the command expires unapplied at its deadline, so a retry is safe (clients retry 5xx alike).
     */
    OPERATION_TIMEOUT(50002, 503),
    REQUEST_FORWARDING_FAILED(50003, 500),
    UNAVAILABLE(50301, 503);

    private final int code;
    private final int httpStatus;

    ErrorCode(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static ErrorCode fromCode(int code) {
        for (ErrorCode e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return STORE_ERROR;
    }
}
