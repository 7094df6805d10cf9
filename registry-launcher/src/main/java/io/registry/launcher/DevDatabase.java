package io.registry.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates dev mode's database on the local Postgres if it is missing (Flyway then creates the tables). */
final class DevDatabase {
    private DevDatabase() {
    }

    static void ensureExists(DevSettings settings) {
        if (!settings.database().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("REGISTRY_DB must be a plain identifier: " + settings.database());
        }
        try (Connection c = DriverManager.getConnection(settings.adminJdbcUrl(), settings.pgUser(),
                settings.pgPassword())) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, settings.database());
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + settings.database());
            }
            System.out.println("registry dev: created database " + settings.database());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + settings.adminJdbcUrl() + " as "
                    + settings.pgUser() + ": " + e.getMessage() + ". Is it running? (see README: Requirements)", e);
        }
    }
}
