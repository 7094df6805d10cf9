package io.registry.api.http;

import io.registry.core.command.ErrorCode;

/** An error answered to the client as Confluent's {@code {"error_code":…,"message":…}} body. */
public class RegistryException extends RuntimeException {
    private final ErrorCode code;
    private final int errorCode;

    public RegistryException(ErrorCode code, String message) {
        super(message);
        this.code = code;
        this.errorCode = code.code();
    }

    /** For codes carried verbatim from the sequencer's reply. */
    public RegistryException(int errorCode, String message) {
        super(message);
        this.code = ErrorCode.fromCode(errorCode);
        this.errorCode = errorCode;
    }

    public ErrorCode code() {
        return code;
    }

    public int errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return code.httpStatus();
    }

    public static RegistryException subjectNotFound(String subject) {
        return new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    public static RegistryException versionNotFound(String subject, int version) {
        return new RegistryException(ErrorCode.VERSION_NOT_FOUND,
                "Version " + version + " not found.");
    }

    public static RegistryException schemaNotFound() {
        return new RegistryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema not found");
    }
}
