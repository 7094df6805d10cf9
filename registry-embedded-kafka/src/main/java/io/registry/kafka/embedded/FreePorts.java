package io.registry.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks done before Kafka binds, so a newcomer gets a plain message instead of a Kafka stack trace. */
final class FreePorts {
    static final String HOST = "127.0.0.1";

    private FreePorts() {
    }

    /** A port that was free a moment ago. Another process may still take it; callers retry on a bind failure. */
    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free TCP port on " + HOST, e);
        }
    }

    /** Throws a clear {@link IllegalStateException} when {@code port} cannot be bound on {@link #HOST}. */
    static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Same socket option the JDK gives Kafka's listener on Unix: a port in TIME_WAIT is bindable, not taken.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 1);
        } catch (BindException e) {
            throw portInUse(port, e);
        } catch (IOException e) {
            throw new IllegalStateException("Embedded Kafka cannot use port " + port + " on " + HOST + ": " + e.getMessage(), e);
        }
    }

    static IllegalStateException portInUse(int port, Throwable cause) {
        return new IllegalStateException("Embedded Kafka cannot listen on " + HOST + ":" + port
                + ": the port is already in use (another Kafka or './registry dev' still running?). "
                + "Stop that process or choose another port (0 picks a free one).", cause);
    }
}
