package io.registry.dev;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A throwaway database on the local Postgres, dropped on close. */
final class TestDatabase implements AutoCloseable {
    static final String HOST = System.getenv().getOrDefault("REGISTRY_PG_HOST", "127.0.0.1");
    static final String USER = System.getenv().getOrDefault("REGISTRY_PG_USER", "postgres");

    final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    static TestDatabase create() {
        String name = "registry_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":5432/" + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":5432/postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Postgres at " + HOST + ":5432 is required for these tests: " + sql, e);
        }
    }
}
