package io.registry.streams.projection;

import io.micronaut.context.ApplicationContext;
import io.registry.readmodel.ReadModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.registry.streams.projection.LogWriter.avro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The projector role as the application runs it: a bean that starts with the context when enabled. */
class ProjectorTest {

    @Test
    void startsWithTheContextWhenEnabledAndStopsWithIt() throws InterruptedException {
        try (ProjectionTestEnvironment env = new ProjectionTestEnvironment()) {
            String topic = env.createLogTopic();
            try (LogWriter log = new LogWriter(env.bootstrapServers(), topic)) {
                log.schema("s", 1, 1, avro("A")).schema("s", 2, 2, avro("B")).config(null, "FULL").flush();
                ApplicationContext context = env.context(Map.of(
                        "registry.projector.enabled", true,
                        "registry.topics.log", topic));
                Projector projector = context.getBean(Projector.class);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (projector.appliedSeq() < log.seq()) {
                    if (System.nanoTime() > deadline) {
                        fail("projector did not catch up");
                    }
                    Thread.sleep(10);
                }
                ReadModel reads = context.getBean(ReadModel.class);
                assertEquals(log.seq(), reads.appliedSeq());
                assertEquals(2, reads.versions("s").size());

                context.close();
                assertFalse(projector.postgres().isRunning());
                assertFalse(projector.redis().isRunning());
            }
        }
    }

    @Test
    void staysOffUnlessEnabled() {
        try (ProjectionTestEnvironment env = new ProjectionTestEnvironment()) {
            assertTrue(env.context().findBean(Projector.class).isEmpty());
        }
    }
}
