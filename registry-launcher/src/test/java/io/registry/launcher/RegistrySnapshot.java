package io.registry.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.registry.testkit.RedisKeyspace;
import io.registry.testkit.ThrowawayDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything a client (or an operator) can observe of a registry, as comparable text. */
final class RegistrySnapshot {
    private RegistrySnapshot() {
    }

    /** Every subject, version, schema by id and config, as the API answers them. */
    static Map<String, String> api(RegistryHttp http) {
        Map<String, String> out = new TreeMap<>();
        JsonNode subjects = http.get("/subjects?deleted=true").body();
        out.put("/subjects", subjects.toString());
        out.put("/config", http.get("/config").raw());
        for (JsonNode s : subjects) {
            String subject = s.asText();
            JsonNode versions = http.get("/subjects/" + subject + "/versions?deleted=true").body();
            out.put(subject + "/versions", versions.toString());
            out.put(subject + "/config", http.get("/config/" + subject).raw());
            for (JsonNode v : versions) {
                RegistryHttp.Answer version = http.get("/subjects/" + subject + "/versions/" + v.asText() + "?deleted=true");
                out.put(subject + "/versions/" + v.asText(), version.raw());
                String id = version.body().path("id").asText();
                out.put("/schemas/ids/" + id, http.get("/schemas/ids/" + id).raw());
                out.put("/schemas/ids/" + id + "/versions", http.get("/schemas/ids/" + id + "/versions").raw());
            }
        }
        return out;
    }

    /** Every row of every read-model table (Flyway's own history and timestamps left out). */
    static Map<String, List<String>> postgres(ThrowawayDatabase db) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    + "AND tablename <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String column = md.getColumnName(i);
                            if (column.endsWith("_at")) {
                                continue;
                            }
                            row.append(column).append('=').append(rs.getString(i)).append(';');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(String::compareTo);
                out.put(table, rows);
            }
        }
        return out;
    }

    /** Every key under the stack's prefix with its value, whatever its Redis type. */
    static Map<String, String> redis(String prefix) {
        Map<String, String> out = new TreeMap<>();
        RedisClient client = RedisClient.create(RedisKeyspace.URI);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> r = c.sync();
            for (String key : r.keys(prefix + "*")) {
                String type = r.type(key);
                String value = switch (type) {
                    case "string" -> r.get(key);
                    case "hash" -> new TreeMap<>(r.hgetall(key)).toString();
                    case "set" -> new java.util.TreeSet<>(r.smembers(key)).toString();
                    case "zset" -> r.zrangeWithScores(key, 0, -1).toString();
                    case "list" -> r.lrange(key, 0, -1).toString();
                    default -> type;
                };
                out.put(key, type + ":" + value);
            }
        } finally {
            client.shutdown();
        }
        return out;
    }
}
