package io.registry.api.write;

import io.registry.api.http.RegistryException;
import io.registry.api.read.ProjectionWatermark;
import io.registry.core.command.Command;
import io.registry.core.command.ErrorCode;
import io.registry.core.command.Outcome;
import io.registry.core.command.Reply;

import java.time.Duration;
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

    private final boolean replica;

    /**
     * @param replica whether the sequencer is another region's: then a write the primary does not take in time fails
     *                with 503 (50003) rather than 50002, since the cause is the link, and retrying later is right
     */
    public WriteService(CommandGateway gateway, ProjectionWatermark watermark, Duration sequencerTimeout,
                        Duration projectionTimeout, WriteObserver outcomes, boolean replica) {
        this.outcomes = outcomes;
        this.replica = replica;
        this.gateway = gateway;
        this.watermark = watermark;
        this.sequencerTimeout = sequencerTimeout;
        this.projectionTimeout = projectionTimeout;
    }

    /** @throws RegistryException with the sequencer's error code when it rejected the command, or 50002 on timeout */
    public WriteResult submit(Command command, String principal) {
        Reply reply;
        long sent = System.nanoTime();
        try {
            reply = gateway.send(command, principal, sequencerTimeout).get();
        } catch (ExecutionException e) {
            if (replica) {
                outcomes.outcome("primary-unreachable");
                throw new RegistryException(ErrorCode.REQUEST_FORWARDING_FAILED, "The primary region did not take "
                        + "the write within " + sequencerTimeout.toMillis() + " ms (" + describe(e.getCause())
                        + "); reads keep being served here. The command expires unapplied at that deadline, so it "
                        + "is safe to retry");
            }
            if (e.getCause() instanceof CommandGateway.NotReadyException notReady) {
                outcomes.outcome("error");
                throw new RegistryException(ErrorCode.UNAVAILABLE, notReady.getMessage());
            }
            if (e.getCause() instanceof TimeoutException) {
                outcomes.outcome("timeout");
                throw new RegistryException(ErrorCode.OPERATION_TIMEOUT, "The sequencer did not answer within "
                        + sequencerTimeout.toMillis() + " ms; the command expires unapplied at that deadline, "
                        + "so it is safe to retry");
            }
            outcomes.outcome("error");
            throw new RegistryException(ErrorCode.STORE_ERROR, "Could not send the command to the log: "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(ErrorCode.OPERATION_TIMEOUT, "Interrupted while waiting for the sequencer");
        }
        if (reply.outcome() instanceof Outcome.Rejected rejected) {
            outcomes.outcome("rejected");
            throw new RegistryException(rejected.errorCode(), rejected.message());
        }
        if (reply.outcome() instanceof Outcome.Registered registered) {
            outcomes.outcome(registered.created() ? "registered" : "existing");
        } else {
            outcomes.outcome("config-updated");
        }
        long replied = System.nanoTime();
        boolean visible = awaitVisible(reply.seq());
        outcomes.accepted(replied - sent, System.nanoTime() - replied);
        return new WriteResult(reply.outcome(), reply.seq(), visible);
    }

    private static String describe(Throwable cause) {
        return cause instanceof TimeoutException ? "no answer" : cause.getMessage();
    }

    /** Waits (bounded) until the projections applied {@code seq}; false if they did not in time. */
    public boolean awaitVisible(long seq) {
        try {
            watermark.await(seq, projectionTimeout).get();
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
