package io.registry.core.schema;

/** The text is not a valid schema of its declared type (Confluent error 42201). */
public class InvalidSchemaException extends RuntimeException {
    public InvalidSchemaException(String message) {
        super(message);
    }

    public InvalidSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
