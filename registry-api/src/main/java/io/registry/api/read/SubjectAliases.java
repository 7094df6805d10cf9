package io.registry.api.read;

import io.registry.core.subject.SubjectAlias;
import io.registry.readmodel.ReadModel;
import jakarta.inject.Singleton;

/**
 * The one place the API follows subject aliases ({@link SubjectAlias}): every {@code /subjects/{s}…} route, the
 * compatibility routes and {@code /schemas/ids/{id}?subject=} resolve the subject here first, as Confluent's
 * {@code AliasFilter} does for those URLs. Costs one config read (a Redis HGET) per request.
 */
@Singleton
public class SubjectAliases {
    private final ReadModel readModel;

    public SubjectAliases(ReadModel readModel) {
        this.readModel = readModel;
    }

    public String resolve(String subject) {
        if (subject == null || subject.isEmpty()) {
            return subject;
        }
        return SubjectAlias.resolve(subject, readModel.configExtras(subject));
    }
}
