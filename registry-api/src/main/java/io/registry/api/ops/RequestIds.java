package io.registry.api.ops;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Request ids for logs: the caller's {@code X-Request-Id} when it is a plausible id (a proxy's or client's, so one
 * id follows the request across hops), else one made here. Made ids are a per-process random prefix and a counter:
 * unique enough to find one request in the logs, and far cheaper than a random UUID on every read.
 */
public final class RequestIds {
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public RequestIds() {
        this(Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL));
    }

    RequestIds(String prefix) {
        this.prefix = prefix + "-";
    }

    /** The caller's id when it is acceptable (no spaces, quotes or control characters; at most 128), else a new one. */
    public String forRequest(String callerId) {
        if (callerId != null && ACCEPTED.matcher(callerId).matches()) {
            return callerId;
        }
        return prefix + Long.toHexString(counter.incrementAndGet());
    }
}
