package io.registry.core.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.registry.core.EnumNames;

import java.util.Locale;

/**
 * What a caller may do to a subject. The lower-case names are part of the commands topic's wire format (grants ride
 * on each command) and of the security configuration: never rename one.
 */
public enum Operation {
    /** Read schemas, versions, configs and modes of the subject; check compatibility; validate payloads. */
    READ,
    /** Register a schema under the subject. */
    REGISTER,
    /** Soft- or hard-delete the subject or one of its versions. */
    DELETE,
    /** Set or delete the subject's (or, on the global scope, the global) compatibility config. */
    CONFIG,
    /** Set or delete the subject's (or the global) mode. */
    MODE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name that is not an operation (configuration errors must be loud) */
    @JsonCreator
    public static Operation parse(String name) {
        return EnumNames.parse(Operation.class, name)
                .orElseThrow(() -> new IllegalArgumentException("Unknown operation '" + name
                        + "' (read, register, delete, config, mode)"));
    }
}
