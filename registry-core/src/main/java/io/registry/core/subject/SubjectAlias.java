package io.registry.core.subject;

import io.registry.core.log.LogValue.ConfigValue;

import java.util.Optional;

/**
 * Confluent's subject aliases: a subject whose own config has {@code alias} stands for that subject in every
 * {@code /subjects/{s}…} request (reads, lookups, registrations, deletes, compatibility checks) and in
 * {@code /schemas/ids/{id}?subject=s} (Confluent's {@code AliasFilter} rewrites those URLs before routing). Only
 * the subject's own config counts (not the global one), the alias is followed once (no chains), and an unqualified
 * alias of a subject in a named context means that context's subject. {@code /config} and {@code /mode} are
 * never redirected, so the alias itself can still be read and removed there.
 */
public final class SubjectAlias {
    private SubjectAlias() {
    }

    /** The subject a request naming {@code subject} is about, given {@code subject}'s own config. */
    public static String resolve(String subject, Optional<ConfigValue> ownConfig) {
        if (subject == null || subject.isEmpty()) {
            return subject;
        }
        return ownConfig.map(ConfigValue::alias).filter(alias -> !alias.isEmpty())
                .map(alias -> QualifiedSubject.qualifyReference(subject, alias))
                .orElse(subject);
    }
}
