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
    private final java.util.function.Consumer<String> outcomes;

    public WriteService(CommandGateway gateway, ProjectionWatermark watermark, Duration sequencerTimeout,
                        Duration projectionTimeout) {
        this(gateway, watermark, sequencerTimeout, projectionTimeout, outcome -> {
        });
    }

    /**
     * @param outcomes told the outcome of every write: {@code registered}, {@code existing} (idempotent repeat),
     *                 {@code config-updated}, {@code rejected}, {@code timeout}, {@code error}
     */
    public WriteService(CommandGateway gateway, ProjectionWatermark watermark, Duration sequencerTimeout,
                        Duration projectionTimeout, java.util.function.Consumer<String> outcomes) {
        this.outcomes = outcomes;
        this.gateway = gateway;
        this.watermark = watermark;
        this.sequencerTimeout = sequencerTimeout;
        this.projectionTimeout = projectionTimeout;
    }

    /** @throws RegistryException with the sequencer's error code when it rejected the command, or 50002 on timeout */
    public WriteResult submit(Command command, String principal) {
        Reply reply;
        try {
            reply = gateway.send(command, principal, sequencerTimeout).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                outcomes.accept("timeout");
                throw new RegistryException(ErrorCode.OPERATION_TIMEOUT, "The sequencer did not answer within "
                        + sequencerTimeout.toMillis() + " ms; the command expires unapplied at that deadline, "
                        + "so it is safe to retry");
            }
            outcomes.accept("error");
            throw new RegistryException(ErrorCode.STORE_ERROR, "Could not send the command to the log: "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(ErrorCode.OPERATION_TIMEOUT, "Interrupted while waiting for the sequencer");
        }
        if (reply.outcome() instanceof Outcome.Rejected rejected) {
            outcomes.accept("rejected");
            throw new RegistryException(rejected.errorCode(), rejected.message());
        }
        if (reply.outcome() instanceof Outcome.Registered registered) {
            outcomes.accept(registered.created() ? "registered" : "existing");
        } else {
            outcomes.accept("config-updated");
        }
        return new WriteResult(reply.outcome(), reply.seq(), awaitVisible(reply.seq()));
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
