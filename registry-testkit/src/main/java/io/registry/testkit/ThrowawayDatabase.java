package io.registry.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A database of its own on the local Postgres ({@code REGISTRY_PG_HOST}, default 127.0.0.1:5432, user
 * {@code REGISTRY_PG_USER}, default postgres, trust auth), dropped on close: tests never share or leave state.
 */
public final class ThrowawayDatabase implements AutoCloseable {
    public static final String HOST = env("REGISTRY_PG_HOST", "127.0.0.1");
    public static final String USER = env("REGISTRY_PG_USER", "postgres");

    private final String name;

    private ThrowawayDatabase(String name) {
        this.name = name;
    }

    public static ThrowawayDatabase create() {
        String name = "registry_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        return new ThrowawayDatabase(name);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":5432/" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    public void sql(String statement) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    /** The tables Flyway created (its own history left out), found rather than listed so none is forgotten. */
    public List<String> readModelTables() {
        List<String> tables = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                     + "AND tablename <> 'flyway_schema_history' ORDER BY tablename")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of " + name, e);
        }
        return tables;
    }

    /** Empties every read-model table (checkpoint and log binding included), as an operator wiping Postgres would. */
    public void truncateReadModel() {
        sql("TRUNCATE " + String.join(", ", readModelTables()));
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String statement) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":5432/postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Postgres at " + HOST + ":5432 is required for these tests: " + statement, e);
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
