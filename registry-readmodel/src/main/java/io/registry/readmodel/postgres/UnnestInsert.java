package io.registry.readmodel.postgres;

import java.lang.reflect.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Many rows in one {@code INSERT … SELECT … FROM unnest(?, ?, …)}: one statement, one round trip and one plan for a
 * whole run of rows, several times faster than a JDBC batch of single-row inserts (what rebuilds are made of).
 * The statement takes one array parameter per column, in order. An upsert may not touch a row twice in one
 * statement, so rows are keyed and a duplicate key either keeps the first row (for {@code DO NOTHING}) or the last
 * (for {@code DO UPDATE}: within a run, a later write of the same key simply overwrites the earlier one).
 */
final class UnnestInsert implements PendingWrites {
    private static final int MAX_ROWS = 10_000;

    enum Duplicates { KEEP_FIRST, KEEP_LAST }

    /** A column's SQL element type (for {@code createArrayOf}) and the Java type of its values. */
    record Column(String sqlType, Class<?> javaType) {
        static final Column INT = new Column("int4", Integer.class);
        static final Column TEXT = new Column("text", String.class);
        static final Column BOOL = new Column("bool", Boolean.class);
    }

    private final Connection connection;
    private final String sql;
    private final Column[] columns;
    private final Duplicates duplicates;
    private final Map<Object, Object[]> rows = new LinkedHashMap<>();

    UnnestInsert(Connection connection, String sql, Duplicates duplicates, Column... columns) {
        this.connection = connection;
        this.sql = sql;
        this.duplicates = duplicates;
        this.columns = columns;
    }

    void add(Object key, Object... row) {
        if (duplicates == Duplicates.KEEP_FIRST) {
            rows.putIfAbsent(key, row);
        } else {
            rows.put(key, row);
        }
        if (rows.size() >= MAX_ROWS) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int c = 0; c < columns.length; c++) {
                Object[] values = (Object[]) Array.newInstance(columns[c].javaType(), rows.size());
                int r = 0;
                for (Object[] row : rows.values()) {
                    values[r++] = row[c];
                }
                statement.setArray(c + 1, connection.createArrayOf(columns[c].sqlType(), values));
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw PostgresWriteException.of(e);
        } finally {
            rows.clear();
        }
    }
}
