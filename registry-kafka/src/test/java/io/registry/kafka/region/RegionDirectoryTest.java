package io.registry.kafka.region;

import io.registry.core.region.RegionEpoch;
import io.registry.testkit.kafka.SharedTestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The directory as one read sees it, and as a kept {@link RegionDirectory.Follower} sees it read after read. */
class RegionDirectoryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void aFollowerFoldsWhatWasAppendedSinceItsLastRead() {
        String bootstrap = SharedTestKafka.get().bootstrapServers();
        String topic = "_registry_region-" + UUID.randomUUID().toString().substring(0, 8);
        try (RegionDirectory.Follower follower = RegionDirectory.follow(bootstrap, topic, TIMEOUT)) {
            // no topic yet: an empty directory, and the follower tries again next time
            assertTrue(follower.read(TIMEOUT).epoch().isEmpty());
            RegionDirectory.ensureTopic(bootstrap, topic, (short) 1, TIMEOUT);
            RegionDirectory.registerPeer(bootstrap, topic, "b", "host-b:9092", TIMEOUT);
            RegionDirectory.Snapshot first = follower.read(TIMEOUT);
            assertEquals(Map.of("b", "host-b:9092"), first.peers());
            assertEquals(0, first.epochOr("a").epoch());

            RegionEpoch promoted = RegionEpoch.promote("a", 0, 41, 100, 1L);
            RegionDirectory.writeEpoch(bootstrap, topic, promoted, TIMEOUT);
            RegionDirectory.registerPeer(bootstrap, topic, "b", "host-b2:9092", TIMEOUT);
            RegionDirectory.registerPeer(bootstrap, topic, "c", "host-c:9092", TIMEOUT);
            RegionDirectory.Snapshot second = follower.read(TIMEOUT);
            assertEquals(promoted, second.epoch().orElseThrow());
            assertEquals(Map.of("b", "host-b2:9092", "c", "host-c:9092"), second.peers());
            // nothing new: the same directory
            assertEquals(second, follower.read(TIMEOUT));
            // and a one-off read agrees with the follower
            assertEquals(second, RegionDirectory.read(bootstrap, topic, TIMEOUT));
        }
    }

    @Test
    void aFollowerStartsOverWhenTheTopicWasCreatedAgain() throws Exception {
        String bootstrap = SharedTestKafka.get().bootstrapServers();
        String topic = "_registry_region-" + UUID.randomUUID().toString().substring(0, 8);
        RegionDirectory.ensureTopic(bootstrap, topic, (short) 1, TIMEOUT);
        RegionDirectory.writeEpoch(bootstrap, topic, RegionEpoch.promote("a", 0, 1, 10, 1L), TIMEOUT);
        RegionDirectory.registerPeer(bootstrap, topic, "b", "host-b:9092", TIMEOUT);
        RegionDirectory.registerPeer(bootstrap, topic, "c", "host-c:9092", TIMEOUT);
        try (RegionDirectory.Follower follower = RegionDirectory.follow(bootstrap, topic, TIMEOUT);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertEquals(2, follower.read(TIMEOUT).peers().size());
            admin.deleteTopics(List.of(topic)).all().get();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (admin.listTopics().names().get().contains(topic) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            RegionDirectory.ensureTopic(bootstrap, topic, (short) 1, TIMEOUT);
            RegionDirectory.registerPeer(bootstrap, topic, "d", "host-d:9092", TIMEOUT);
            RegionDirectory.Snapshot fresh = follower.read(TIMEOUT);
            assertTrue(fresh.epoch().isEmpty(), fresh.toString());
            assertEquals(Map.of("d", "host-d:9092"), fresh.peers());
        }
    }
}
