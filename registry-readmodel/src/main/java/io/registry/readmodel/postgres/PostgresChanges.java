package io.registry.readmodel.postgres;

import io.registry.core.log.ClearScope;
import io.registry.core.log.LogValue.SchemaValue;
import io.registry.readmodel.ProjectionChanges;
import io.registry.readmodel.ReadModelJson;
import io.registry.readmodel.StoredSchema;
import io.registry.core.subject.QualifiedSubject;
import io.registry.readmodel.postgres.UnnestInsert.Column;
import io.registry.readmodel.postgres.UnnestInsert.Duplicates;

import java.sql.Connection;
import java.util.List;

/**
 * The read-model changes of one batch as SQL on the batch's transaction connection. Each table is its own stream
 * of writes (writes to different tables commute); within {@code subject_versions} the order of the log is kept by
 * sending what is pending before a write of another kind (a soft delete must see the versions put before it).
 */
final class PostgresChanges implements ProjectionChanges, AutoCloseable {
    private static final String INSERT_SCHEMAS = """
            INSERT INTO schemas (context, id, schema_type, schema_text, refs, fingerprint)
            SELECT context, id, schema_type, schema_text, CAST(refs AS jsonb), fingerprint
              FROM unnest(?::text[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[])
                   AS u (context, id, schema_type, schema_text, refs, fingerprint)
            ON CONFLICT (context, id) DO NOTHING""";
    private static final String UPSERT_VERSIONS = """
            INSERT INTO subject_versions (subject, version, schema_id, deleted, metadata, rule_set, context,
                                          fingerprint)
            SELECT subject, version, schema_id, deleted, CAST(metadata AS jsonb), CAST(rule_set AS jsonb), context,
                   fingerprint
              FROM unnest(?::text[], ?::int4[], ?::int4[], ?::bool[], ?::text[], ?::text[], ?::text[], ?::text[])
                   AS u (subject, version, schema_id, deleted, metadata, rule_set, context, fingerprint)
            ON CONFLICT (subject, version) DO UPDATE SET schema_id = EXCLUDED.schema_id, deleted = EXCLUDED.deleted,
                metadata = EXCLUDED.metadata, rule_set = EXCLUDED.rule_set, fingerprint = EXCLUDED.fingerprint""";
    private static final String DELETE_VERSION = "DELETE FROM subject_versions WHERE subject = ? AND version = ?";
    private static final String SOFT_DELETE_SUBJECT =
            "UPDATE subject_versions SET deleted = true WHERE subject = ? AND version <= ? AND NOT deleted";
    private static final String CLEAR_SUBJECT = "DELETE FROM subject_versions WHERE subject = ? AND deleted";
    private static final String CLEAR_CONTEXT = "DELETE FROM subject_versions WHERE context = ? AND deleted";
    private static final String CLEAR_EVERY_CONTEXT = "DELETE FROM subject_versions WHERE deleted";
    private static final String UPSERT_CONFIG = """
            INSERT INTO configs (subject, compatibility_level) VALUES (?, ?)
            ON CONFLICT (subject) DO UPDATE SET compatibility_level = EXCLUDED.compatibility_level""";
    private static final String DELETE_CONFIG = "DELETE FROM configs WHERE subject = ?";
    private static final String UPSERT_NORMALIZE = """
            INSERT INTO config_normalize (subject, normalize) VALUES (?, ?)
            ON CONFLICT (subject) DO UPDATE SET normalize = EXCLUDED.normalize""";
    private static final String DELETE_NORMALIZE = "DELETE FROM config_normalize WHERE subject = ?";
    private static final String UPSERT_CONFIG_EXTRAS = """
            INSERT INTO config_extras (subject, extras) VALUES (?, ?)
            ON CONFLICT (subject) DO UPDATE SET extras = EXCLUDED.extras""";
    private static final String DELETE_CONFIG_EXTRAS = "DELETE FROM config_extras WHERE subject = ?";
    private static final String UPSERT_MODE = """
            INSERT INTO modes (subject, mode) VALUES (?, ?)
            ON CONFLICT (subject) DO UPDATE SET mode = EXCLUDED.mode""";
    private static final String DELETE_MODE = "DELETE FROM modes WHERE subject = ?";

    private final UnnestInsert schemas;
    private final UnnestInsert versionPuts;
    private final StatementRuns versionDeletes;
    private final StatementRuns configs;
    private final StatementRuns modes;
    /** Whichever of versionPuts/versionDeletes holds unsent subject_versions writes. */
    private PendingWrites pendingVersions;

    PostgresChanges(Connection connection) {
        schemas = new UnnestInsert(connection, INSERT_SCHEMAS, Duplicates.KEEP_FIRST,
                Column.TEXT, Column.INT, Column.TEXT, Column.TEXT, Column.TEXT, Column.TEXT);
        versionPuts = new UnnestInsert(connection, UPSERT_VERSIONS, Duplicates.KEEP_LAST,
                Column.TEXT, Column.INT, Column.INT, Column.BOOL, Column.TEXT, Column.TEXT, Column.TEXT, Column.TEXT);
        versionDeletes = new StatementRuns(connection);
        configs = new StatementRuns(connection);
        modes = new StatementRuns(connection);
    }

    @Override
    public void putSchema(String context, StoredSchema schema) {
        schemas.add(List.of(context, schema.id()), context, schema.id(), schema.type().name(), schema.schema(),
                ReadModelJson.writeReferences(schema.references()), schema.fingerprint());
    }

    @Override
    public void putVersion(SchemaValue value, String fingerprint) {
        switchVersionsTo(versionPuts);
        versionPuts.add(List.of(value.subject(), value.version()), value.subject(), value.version(), value.id(),
                value.deleted(), ReadModelJson.writeTree(value.metadata()), ReadModelJson.writeTree(value.ruleSet()),
                QualifiedSubject.contextOf(value.subject()), fingerprint);
    }

    @Override
    public void removeVersion(String subject, int version) {
        switchVersionsTo(versionDeletes);
        versionDeletes.add(DELETE_VERSION, s -> {
            s.setString(1, subject);
            s.setInt(2, version);
        });
    }

    @Override
    public void softDeleteSubject(String subject, int upToVersion) {
        switchVersionsTo(versionDeletes);
        versionDeletes.add(SOFT_DELETE_SUBJECT, s -> {
            s.setString(1, subject);
            s.setInt(2, upToVersion);
        });
    }

    @Override
    public void clearSubject(String subject) {
        switchVersionsTo(versionDeletes);
        versionDeletes.add(CLEAR_SUBJECT, s -> s.setString(1, subject));
    }

    @Override
    public void clearSubjects(ClearScope scope) {
        switchVersionsTo(versionDeletes);
        // the context column is QualifiedSubject.contextOf(subject), the same test as ClearScope.contains
        if (scope.everyContext()) {
            versionDeletes.add(CLEAR_EVERY_CONTEXT, s -> { });
        } else {
            versionDeletes.add(CLEAR_CONTEXT, s -> s.setString(1, scope.context()));
        }
    }

    @Override
    public void putConfig(String subject, String level) {
        String key = GlobalSubject.keyOf(subject);
        if (level == null) {
            configs.add(DELETE_CONFIG, s -> s.setString(1, key));
        } else {
            configs.add(UPSERT_CONFIG, s -> {
                s.setString(1, key);
                s.setString(2, level);
            });
        }
    }

    @Override
    public void putNormalize(String subject, Boolean normalize) {
        String key = GlobalSubject.keyOf(subject);
        if (normalize == null) {
            configs.add(DELETE_NORMALIZE, s -> s.setString(1, key));
        } else {
            configs.add(UPSERT_NORMALIZE, s -> {
                s.setString(1, key);
                s.setBoolean(2, normalize);
            });
        }
    }

    @Override
    public void putConfigExtras(String subject, String extras) {
        String key = GlobalSubject.keyOf(subject);
        if (extras == null) {
            configs.add(DELETE_CONFIG_EXTRAS, s -> s.setString(1, key));
        } else {
            configs.add(UPSERT_CONFIG_EXTRAS, s -> {
                s.setString(1, key);
                s.setString(2, extras);
            });
        }
    }

    @Override
    public void putMode(String subject, String mode) {
        String key = GlobalSubject.keyOf(subject);
        if (mode == null) {
            modes.add(DELETE_MODE, s -> s.setString(1, key));
        } else {
            modes.add(UPSERT_MODE, s -> {
                s.setString(1, key);
                s.setString(2, mode);
            });
        }
    }

    /** Sends everything still pending; call before commit. */
    void flush() {
        schemas.flush();
        versionPuts.flush();
        versionDeletes.flush();
        configs.flush();
        modes.flush();
    }

    @Override
    public void close() {
        versionDeletes.close();
        configs.close();
        modes.close();
    }

    private void switchVersionsTo(PendingWrites next) {
        if (pendingVersions != null && pendingVersions != next) {
            pendingVersions.flush();
        }
        pendingVersions = next;
    }
}
