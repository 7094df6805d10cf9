package io.registry.api.confluent;

import io.registry.api.http.RegistryException;
import io.registry.core.command.ErrorCode;

/** Subject name rules shared by every route that takes one. */
final class Subjects {
    private Subjects() {
    }

    static String valid(String subject) {
        if (subject == null || subject.isBlank() || subject.chars().anyMatch(Character::isISOControl)) {
            throw new RegistryException(ErrorCode.INVALID_SUBJECT, "Invalid subject name: '" + subject + "'");
        }
        return subject;
    }
}
