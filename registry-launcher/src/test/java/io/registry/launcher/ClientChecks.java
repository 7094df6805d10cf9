package io.registry.launcher;

import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Named checks of a real client, one per client method, run like the Node and Python scripts do: every check runs
 * (they are independent), each failure is reported with its name (= the method), and any failure fails the test.
 */
final class ClientChecks {

    interface Body {
        void run() throws Exception;
    }

    /** One client method's check. */
    record Check(String name, Body body) {
    }

    /** Thrown by a {@link #knownGap} check while the gap is still there: reported, not failed. */
    private static final class KnownGap extends RuntimeException {
        KnownGap(String message) {
            super(message);
        }
    }

    private ClientChecks() {
    }

    static Check check(String name, Body body) {
        return new Check(name, body);
    }

    /**
     * A method our registry does not serve yet (a known server gap, listed in the README): passes while the method
     * still fails, and FAILS once it works, so that the gap is turned back into a plain check.
     */
    static Check knownGap(String name, String why, Body body) {
        return new Check(name, () -> {
            try {
                body.run();
            } catch (Exception | AssertionError e) {
                throw new KnownGap(why + " -- " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
            throw new AssertionError("known gap \"" + why + "\" now passes: turn it back into a plain check "
                    + "(and update the README)");
        });
    }

    static void runAll(String client, List<Check> checks) {
        List<String> failed = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (Check check : checks) {
            long start = System.nanoTime();
            try {
                check.body().run();
                System.out.println("ok   " + client + ": " + check.name() + " ("
                        + (System.nanoTime() - start) / 1_000_000 + " ms)");
            } catch (KnownGap gap) {
                System.out.println("gap  " + client + ": " + check.name() + " (known server gap: "
                        + gap.getMessage() + ")");
            } catch (Exception | AssertionError e) {
                failed.add(check.name());
                report.append("FAIL ").append(client).append(": ").append(check.name()).append(": ").append(e)
                        .append('\n');
                System.out.println("FAIL " + client + ": " + check.name() + ": " + e);
            }
        }
        if (!failed.isEmpty()) {
            fail(failed.size() + " of " + checks.size() + " " + client + " checks failed: " + failed + "\n" + report);
        }
        System.out.println(client + ": all " + checks.size() + " checks passed");
    }

    /** The call is refused with this HTTP status and Confluent error code. */
    static void refused(int status, int errorCode, Body call) {
        RestClientException e = assertThrows(RestClientException.class, call::run);
        assertEquals(status, e.getStatus(), e.getMessage());
        assertEquals(errorCode, e.getErrorCode(), e.getMessage());
    }
}
