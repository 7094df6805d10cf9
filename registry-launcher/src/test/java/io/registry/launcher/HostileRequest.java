package io.registry.launcher;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request the fuzz test sends. {@code rawBytes} non-null means it goes over a bare socket exactly as given
 * (request lines and headers no HTTP client would send); otherwise through an HTTP client with the given method,
 * target (already percent-encoded where needed), headers and body. Every request is invalid by construction when
 * it reaches a write route, so none of them may write to the log.
 */
record HostileRequest(String route, String method, String target, List<Map.Entry<String, String>> headers,
                      byte[] body, byte[] rawBytes) {

    static HostileRequest http(String route, String method, String target,
                               List<Map.Entry<String, String>> headers, byte[] body) {
        return new HostileRequest(route, method, target, headers, body, null);
    }

    static HostileRequest raw(String route, byte[] bytes) {
        return new HostileRequest(route, "RAW", "", List.of(), null, bytes);
    }

    boolean isRaw() {
        return rawBytes != null;
    }

    /**
     * Beyond Netty's limits (request line 4 KiB, header block 8 KiB): the server answers and closes at once, and a
     * client still sending may see that as a reset before it reads the answer — TCP's race, not a missing answer.
     */
    boolean exceedsHeaderLimits() {
        if (isRaw()) {
            return rawBytes.length > 4_096;
        }
        int headerBytes = headers.stream().mapToInt(h -> h.getKey().length() + h.getValue().length() + 4).sum();
        return target.length() > 4_000 || headerBytes > 8_000;
    }

    /** For failure messages: short enough to read, long enough to reproduce by hand. */
    @Override
    public String toString() {
        if (isRaw()) {
            return "RAW[" + route + "] " + preview(rawBytes, 300);
        }
        StringBuilder s = new StringBuilder(method).append(' ').append(preview(target, 300));
        headers.forEach(h -> s.append(" | ").append(h.getKey()).append(": ").append(preview(h.getValue(), 60)));
        if (body != null) {
            s.append(" | body(").append(body.length).append(") ").append(preview(body, 200));
        }
        return "[" + route + "] " + s;
    }

    static String preview(byte[] bytes, int max) {
        return preview(new String(bytes, 0, Math.min(bytes.length, max * 4), StandardCharsets.ISO_8859_1), max);
    }

    static String preview(String text, int max) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…(" + text.length() + ")";
    }
}
