package io.registry.readmodel.postgres;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SchemaRepository extends GenericRepository<SchemaRow, Integer> {

    @Query("SELECT id, schema_type, schema_text, CAST(refs AS text) AS refs, fingerprint FROM schemas "
            + "WHERE context = :context AND id = :id")
    Optional<SchemaRow> find(String context, int id);

    @Query("SELECT COALESCE(MAX(id), 0) FROM schemas WHERE context = :context")
    int findMaxId(String context);

    /** The lowest id wins when one content has several ids: stable whatever order the log was replayed in. */
    @Query("SELECT id FROM schemas WHERE context = :context AND fingerprint = :fingerprint ORDER BY id LIMIT 1")
    Optional<Integer> findLowestIdByFingerprint(String context, String fingerprint);
}
