package io.registry.core.access;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Set;

/**
 * One role granted on some subjects, with the role's operations resolved: a grant is self-contained, so the
 * sequencer can check a command's grants without the API's role definitions. Travels on commands (field names are
 * wire format).
 *
 * @param role       the role's name (for messages and audit)
 * @param operations what the role allows
 * @param subjects   glob patterns ({@link SubjectPattern}) of the subjects it covers
 */
public record Grant(String role, Set<Operation> operations, List<String> subjects) {
    public Grant {
        operations = operations == null ? Set.of() : Set.copyOf(operations);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    public boolean permits(Operation operation, String subject) {
        return operations.contains(operation) && covers(subject);
    }

    @JsonIgnore
    public boolean covers(String subject) {
        for (String pattern : subjects) {
            if (new SubjectPattern(pattern).matches(subject)) {
                return true;
            }
        }
        return false;
    }
}
