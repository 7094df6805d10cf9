package io.registry.readmodel.postgres;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the Postgres projection holds, counted: subjects (live and soft-deleted), versions (live and soft-deleted)
 * and schemas per type. One statement of aggregates over the read model's tables; callers cache the answer (it
 * reads every row, so it is for a metrics scrape now and then, never for a request).
 */
@Singleton
public class PostgresInventory {
    /** Counts by kind ("subjects", "versions", "schemas") and then by state or schema type. */
    public record Counts(Map<String, Map<String, Long>> byKind) {
        public long get(String kind, String key) {
            return byKind.getOrDefault(kind, Map.of()).getOrDefault(key, 0L);
        }
    }

    private static final String COUNTS = """
            SELECT 'subjects', CASE WHEN live THEN 'live' ELSE 'deleted' END, count(*)
              FROM (SELECT subject, bool_or(NOT deleted) AS live FROM subject_versions GROUP BY subject) s
             GROUP BY live
            UNION ALL
            SELECT 'versions', CASE WHEN deleted THEN 'deleted' ELSE 'live' END, count(*)
              FROM subject_versions GROUP BY deleted
            UNION ALL
            SELECT 'schemas', schema_type, count(*) FROM schemas GROUP BY schema_type""";

    private final TransactionOperations<Connection> transactions;

    public PostgresInventory(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public Counts count() {
        return transactions.executeRead(status -> {
            Map<String, Map<String, Long>> byKind = new LinkedHashMap<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(COUNTS);
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byKind.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                }
            }
            return new Counts(byKind);
        });
    }
}
