package io.registry.api.write;

import io.registry.api.http.RegistryException;
import io.registry.api.read.ProjectionWatermark;
import io.registry.api.security.CurrentCaller;
import io.registry.core.access.AccessGrants;
import io.registry.core.command.Command;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.command.Reply;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A write end to end: command to the sequencer, its reply, then (read-your-writes) the wait until this region's
 * projections have applied the reply's sequence.
 */
public final class WriteService {
    private final CommandGateway gateway;
    private final ProjectionWatermark watermark;
    private final Duration sequencerTimeout;
    private final Duration projectionTimeout;
    private final WriteObserver outcomes;
    private final CurrentCaller caller;

    private final boolean replica;

    /**
     * @param caller  with security on, the authenticated caller: its name and grants ride on the command
     * @param replica whether the sequencer is another region's: then a write the primary does not take in time fails
     *                with 503 (50003) rather than 50002, since the cause is the link, and retrying later is right
     */
    public WriteService(CommandGateway gateway, ProjectionWatermark watermark, Duration sequencerTimeout,
                        Duration projectionTimeout, WriteObserver outcomes, CurrentCaller caller, boolean replica) {
        this.caller = caller;
        this.outcomes = outcomes;
        this.replica = replica;
        this.gateway = gateway;
        this.watermark = watermark;
        this.sequencerTimeout = sequencerTimeout;
        this.projectionTimeout = projectionTimeout;
    }

    /**
     * @param principal who asks when security is off (with security on, the authenticated caller is used)
     * @throws RegistryException with the sequencer's error code when it rejected the command, or 50002 on timeout
     */
    public WriteResult submit(Command command, String principal) {
        Reply reply;
        long sent = System.nanoTime();
        AccessGrants access = caller.get().orElse(null);
        String who = access == null ? principal : access.principal();
        try {
            reply = gateway.send(command, who, access, sequencerTimeout).get();
        } catch (ExecutionException e) {
            if (replica) {
                outcomes.outcome("primary-unreachable", ErrorCode.REQUEST_FORWARDING_FAILED.code());
                throw new RegistryException(ErrorCode.REQUEST_FORWARDING_FAILED, "The primary region did not take "
                        + "the write within " + sequencerTimeout.toMillis() + " ms (" + describe(e.getCause())
                        + "); reads keep being served here. The command expires unapplied at that deadline, so it "
                        + "is safe to retry");
            }
            if (e.getCause() instanceof CommandGateway.NotReadyException notReady) {
                outcomes.outcome("error", ErrorCode.UNAVAILABLE.code());
                throw new RegistryException(ErrorCode.UNAVAILABLE, notReady.getMessage());
            }
            if (e.getCause() instanceof TimeoutException) {
                outcomes.outcome("timeout", ErrorCode.OPERATION_TIMEOUT.code());
                throw new RegistryException(ErrorCode.OPERATION_TIMEOUT, "The sequencer did not answer within "
                        + sequencerTimeout.toMillis() + " ms; the command expires unapplied at that deadline, "
                        + "so it is safe to retry");
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                // Brokers down or the commands topic below min.insync.replicas: Kafka gave up within the command
                // producer's timeouts (registry.api.command-producer.*). Same code as a sequencer timeout.
                outcomes.outcome("timeout", ErrorCode.OPERATION_TIMEOUT.code());
                throw new RegistryException(ErrorCode.OPERATION_TIMEOUT, "Kafka did not accept the command in time ("
                        + e.getCause().getMessage() + "); the write may or may not be applied, retrying is safe");
            }
            outcomes.outcome("error", ErrorCode.STORE_ERROR.code());
            throw new RegistryException(ErrorCode.STORE_ERROR, "Could not send the command to the log: "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(ErrorCode.OPERATION_TIMEOUT, "Interrupted while waiting for the sequencer");
        }
        if (reply.outcome() instanceof Outcome.Rejected rejected) {
            outcomes.outcome("rejected", rejected.errorCode());
            throw new RegistryException(rejected.errorCode(), rejected.message());
        }
        if (reply.outcome() instanceof Outcome.Registered registered) {
            outcomes.outcome(registered.created() ? "registered" : "existing");
        } else {
            outcomes.outcome("config-updated");
        }
        long replied = System.nanoTime();
        Set<String> pending = awaitVisible(reply.seq());
        outcomes.accepted(replied - sent, System.nanoTime() - replied);
        return new WriteResult(reply.outcome(), reply.seq(), pending);
    }

    private static String describe(Throwable cause) {
        return cause instanceof TimeoutException ? "no answer" : cause.getMessage();
    }

    /**
     * Waits (bounded by {@code registry.api.projection-timeout}) until this region's projections applied {@code seq},
     * without waiting for a projection whose store is down; the projections that had not applied it.
     */
    public Set<String> awaitVisible(long seq) {
        try {
            return watermark.await(seq, projectionTimeout).get().pending();
        } catch (ExecutionException e) {
            return Set.of("unknown");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of("unknown");
        }
    }
}
