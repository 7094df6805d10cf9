package io.registry.readmodel.postgres;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ConfigExtrasRepository extends GenericRepository<ConfigExtrasRow, String> {

    Optional<ConfigExtrasRow> findById(String subject);
}
