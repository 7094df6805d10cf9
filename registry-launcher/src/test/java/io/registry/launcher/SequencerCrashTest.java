package io.registry.launcher;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failure matrix: the sequencer is killed (SIGKILL) 20 times in a row under concurrent registrations, a new one
 * taking over each time. Every acknowledged registration must be on the log exactly once, no id may be given to
 * two schemas (or reused), and every subject's versions stay gap-free.
 */
class SequencerCrashTest {
    private static final int KILLS = 20;
    /** Acknowledgements the new sequencer must give after each takeover before it is killed in turn. */
    private static final int ACKS_PER_ROUND = 5;
    /**
     * Failover takes the dead sequencer's session plus the abort of its open transaction (which holds back the
     * replies and the log for read_committed readers); short ones keep 20 takeovers inside the test budget.
     */
    static final Map<String, Object> FAST_FAILOVER = Map.of(
            "registry.sequencer.session-timeout", "2s",
            "registry.sequencer.transaction-timeout", "3s");

    @Test
    void twentyKillsMidWriteLoseNothingAcknowledgedAndNeverReuseAnId() throws Exception {
        Map<String, Object> apiOnly = Map.of(
                "registry.sequencer.enabled", false,
                // Long enough to ride out a takeover (session expiry plus the dead transaction's abort).
                "registry.api.sequencer-timeout", "60s",
                "registry.api.projection-timeout", "30s");
        long started = System.currentTimeMillis();
        try (RegistryStack stack = RegistryStack.start(apiOnly)) {
            // The oldest live process is the active sequencer; the next one waits in the group as its successor.
            Deque<RegistryProcess> sequencers = new ArrayDeque<>();
            try {
                sequencers.add(startSequencer(stack, 0));
                sequencers.add(startSequencer(stack, 1));
                try (RegistrationLoad load = RegistrationLoad.start(stack.http, "crash-", 4, 16)) {
                    load.awaitAcknowledged(20, 120_000);
                    for (int kill = 1; kill <= KILLS; kill++) {
                        // The successor must be up (its JVM start is the slow part) or the kill costs that too.
                        sequencers.getLast().awaitOutput("REBALANCING to RUNNING", 120_000);
                        int before = load.acknowledged.size();
                        sequencers.removeFirst().kill();
                        sequencers.add(startSequencer(stack, kill + 1));
                        load.awaitAcknowledged(before + ACKS_PER_ROUND, 90_000);
                        System.out.printf("%tT kill %d: %d acknowledged, %d failed%n", System.currentTimeMillis(),
                                kill, load.acknowledged.size(), load.failed.get());
                    }
                    System.out.printf("%d kills in %d s; %d registrations acknowledged, %d failed%n", KILLS,
                            (System.currentTimeMillis() - started) / 1000, load.acknowledged.size(), load.failed.get());
                    load.close();
                    int onLog = load.acknowledged.verifyLog(stack.bootstrapServers(), stack.logTopic);
                    assertTrue(onLog >= load.acknowledged.size());
                    load.acknowledged.verifyApi(stack.http);
                }
            } finally {
                for (RegistryProcess p : sequencers) {
                    p.kill();
                }
            }
        }
    }

    private static RegistryProcess startSequencer(RegistryStack stack, int n) throws Exception {
        return RegistryProcess.streams(stack.sequencerNodeProperties("s" + n, FAST_FAILOVER),
                "sequencer-" + n + "-" + stack.id);
    }
}
