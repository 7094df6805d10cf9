package io.registry.readmodel.postgres;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CheckpointRepository extends GenericRepository<CheckpointRow, String> {

    Optional<CheckpointRow> findById(String projection);

    /**
     * Moves the checkpoint from {@code expectedOffset} to ({@code nextOffset}, {@code seq}). Run first in the
     * batch's transaction: the row lock it takes serializes concurrent projectors, and the second one finds the
     * checkpoint moved and updates nothing.
     *
     * @return 1 when the checkpoint moved, 0 when it was not at {@code expectedOffset} (or does not exist)
     */
    @Query("""
            UPDATE projection_checkpoint SET next_offset = :nextOffset, seq = :seq, updated_at = now()
             WHERE projection = :projection AND next_offset = :expectedOffset""")
    long advance(String projection, long expectedOffset, long nextOffset, long seq);

    /** The first checkpoint of an empty projection. @return 1 when created, 0 when one exists already */
    @Query("""
            INSERT INTO projection_checkpoint (projection, next_offset, seq, updated_at)
            VALUES (:projection, :nextOffset, :seq, now())
            ON CONFLICT (projection) DO NOTHING""")
    long create(String projection, long nextOffset, long seq);
}
