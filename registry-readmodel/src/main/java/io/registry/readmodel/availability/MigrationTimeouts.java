package io.registry.readmodel.availability;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.flyway.FlywayConfigurationProperties;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Flyway migrates through the same pool as requests, whose connections carry the request statement timeout
 * ({@link PostgresTimeouts}); a migration is not a request, so its connections get the projector's bound instead
 * (unless {@code flyway.datasources.*.init-sql} is set).
 */
@Singleton
@Requires(classes = FlywayConfigurationProperties.class)
public class MigrationTimeouts implements BeanCreatedEventListener<FlywayConfigurationProperties> {
    private final Duration statementTimeout;

    public MigrationTimeouts(@Value("${registry.postgres.projector-statement-timeout:60s}") Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    @Override
    public FlywayConfigurationProperties onCreated(BeanCreatedEvent<FlywayConfigurationProperties> event) {
        FlywayConfigurationProperties flyway = event.getBean();
        if (flyway.getFluentConfiguration().getInitSql() == null) {
            flyway.getFluentConfiguration().initSql("SET statement_timeout = " + statementTimeout.toMillis());
        }
        return flyway;
    }
}
