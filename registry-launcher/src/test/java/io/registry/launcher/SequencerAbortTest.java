package io.registry.launcher;

import io.registry.launcher.RegistryHttp.Answer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.registry.launcher.Schemas.avroRecord;
import static io.registry.launcher.Schemas.field;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sequencer's index lives on the heap and is changed before the transaction that writes the log commits. This
 * forces such a transaction to abort (the broker refuses the log record: larger than the topic allows) and checks
 * that the index forgot the aborted registration: Kafka Streams re-initialises the sequencer, which rebuilds its
 * index from the committed log, so the same schema registers afterwards as new, with an id the log really has.
 */
class SequencerAbortTest {

    @Test
    void anAbortedTransactionLeavesNoTraceInTheIndex() throws Exception {
        // The command's deadline ends the retries of the failing transaction: once it has passed, the sequencer
        // answers "expired" without writing a log record, and that reply commits.
        try (RegistryStack stack = RegistryStack.start(Map.of("registry.api.sequencer-timeout", "4s"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            RegistryHttp http = stack.http;
            Answer first = http.register("small-value", avroRecord("Small", field("a", "string")));
            assertEquals(200, first.status(), first.raw());
            int firstId = first.body().get("id").asInt();

            List<String> fields = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                fields.add(field("field_with_a_rather_long_name_" + i, "string"));
            }
            String big = avroRecord("Big", fields.toArray(String[]::new));
            maxMessageBytes(admin, stack.logTopic, "4096");
            Answer refused = http.register("big-value", big);
            assertEquals(50002, refused.body().get("error_code").asInt(), refused.raw());

            maxMessageBytes(admin, stack.logTopic, "1048588");
            // The failed thread is replaced; its successor waits for the group to drop the dead member (the session
            // timeout), so writes resume after some seconds.
            long deadline = System.currentTimeMillis() + 90_000;
            Answer again;
            do {
                again = http.register("big-value", big);
            } while (again.status() >= 500 && System.currentTimeMillis() < deadline);
            assertEquals(200, again.status(), again.raw());
            int bigId = again.body().get("id").asInt();
            assertEquals(firstId + 1, bigId, "the aborted registration's id was neither kept nor burnt");
            assertEquals(200, http.get("/schemas/ids/" + bigId).status(), "the id answered is on the log");
            assertEquals("[1]", http.get("/subjects/big-value/versions").raw());

            Answer next = http.register("small-value", avroRecord("Small", field("a", "string"),
                    Schemas.fieldWithDefault("b", "string", "\"\"")));
            assertEquals(200, next.status(), next.raw());
            assertEquals(bigId + 1, next.body().get("id").asInt());
        }
    }

    private static void maxMessageBytes(Admin admin, String topic, String value) throws Exception {
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value),
                        AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
    }
}
