package io.registry.launcher;

import io.registry.testkit.ReadModelProperties;
import io.registry.testkit.RedisKeyspace;
import io.registry.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A projector-only node ({@code RegistryMain streams} with {@code registry.sequencer.enabled=false}, its own JVM):
 * every thread it starts is a daemon, and it must still keep running and build its own projections from the log.
 */
class ProjectorOnlyNodeTest {

    @Test
    void keepsRunningAndProjectsTheLogIntoItsOwnStores() throws Exception {
        try (RegistryStack stack = RegistryStack.start();
             ThrowawayDatabase database = ThrowawayDatabase.create();
             RedisKeyspace redis = RedisKeyspace.create()) {
            assertEquals(200, stack.http.register("p-value", avroRecord("P", field("a", "string"))).status());
            Map<String, Object> props = new HashMap<>(stack.properties());
            props.putAll(ReadModelProperties.of(database, redis));
            props.put("registry.sequencer.enabled", false);
            try (RegistryProcess node = RegistryProcess.streams(props, "projector-only-" + stack.id)) {
                long deadline = System.currentTimeMillis() + 60_000;
                while (!(schemasIn(database) == 1 && redis.commands().exists(redis.prefix() + "schema:1") == 1)) {
                    assertTrue(node.alive(), "the projector-only node exited; see " + node.log);
                    assertTrue(System.currentTimeMillis() < deadline, "nothing projected within 60 s; see " + node.log);
                    Thread.sleep(200);
                }
                Thread.sleep(2_000);
                assertTrue(node.alive(), "the projector-only node exited after catching up; see " + node.log);
            }
        }
    }

    private static int schemasIn(ThrowawayDatabase database) {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM schemas")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            return -1; // not migrated yet
        }
    }
}
