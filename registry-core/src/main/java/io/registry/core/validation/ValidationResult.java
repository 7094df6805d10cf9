package io.registry.core.validation;

import java.util.List;

/** The verdict for one payload: valid exactly when there are no errors. */
public record ValidationResult(boolean valid, List<ValidationError> errors) {
    public ValidationResult {
        errors = List.copyOf(errors);
    }

    public static ValidationResult of(List<ValidationError> errors) {
        return new ValidationResult(errors.isEmpty(), errors);
    }
}
