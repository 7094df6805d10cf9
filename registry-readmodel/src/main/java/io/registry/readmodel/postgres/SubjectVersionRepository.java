package io.registry.readmodel.postgres;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SubjectVersionRepository extends GenericRepository<SubjectVersionRow, SubjectVersionRow.Key> {

    @Query("SELECT subject, version, schema_id, deleted FROM subject_versions WHERE subject = :subject ORDER BY version")
    List<VersionRow> findBySubject(String subject);

    @Query("SELECT subject, version, schema_id, deleted FROM subject_versions WHERE subject = :subject AND version = :version")
    Optional<VersionRow> findBySubjectAndVersion(String subject, int version);

    @Query("SELECT subject, version, schema_id, deleted FROM subject_versions WHERE context = :context "
            + "AND schema_id = :schemaId ORDER BY subject, version")
    List<VersionRow> findBySchemaId(String context, int schemaId);

    /** The newest live version's schema id holding this content (index subject_versions_repeat_idx). */
    @Query("SELECT schema_id FROM subject_versions WHERE subject = :subject AND fingerprint = :fingerprint "
            + "AND NOT deleted ORDER BY version DESC LIMIT 1")
    Optional<Integer> findRepeat(String subject, String fingerprint);

    @Query("SELECT CAST(metadata AS text) AS metadata, CAST(rule_set AS text) AS rule_set FROM subject_versions "
            + "WHERE subject = :subject AND version = :version AND (metadata IS NOT NULL OR rule_set IS NOT NULL)")
    Optional<ExtrasRow> findExtras(String subject, int version);

    /** Ids of live versions whose schema's references contain {@code pattern} (a JSON array of partial refs). */
    @Query("SELECT DISTINCT v.schema_id FROM subject_versions v "
            + "JOIN schemas s ON s.context = v.context AND s.id = v.schema_id "
            + "WHERE NOT v.deleted AND v.context = :context AND s.refs @> CAST(:pattern AS jsonb) "
            + "ORDER BY v.schema_id")
    List<Integer> findLiveIdsReferencing(String context, String pattern);

    @Query("SELECT DISTINCT subject FROM subject_versions ORDER BY subject")
    List<String> findAllSubjects();

    @Query("SELECT DISTINCT subject FROM subject_versions WHERE NOT deleted ORDER BY subject")
    List<String> findLiveSubjects();
}
