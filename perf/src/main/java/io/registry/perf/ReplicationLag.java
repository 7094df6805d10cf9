package io.registry.perf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replication lag between two regions under a steady write load: registers a new schema on the primary at a fixed
 * rate (each write sent on schedule, whatever the previous ones are doing) and, for every write, asks the replica
 * for it by id with {@code X-Registry-Min-Seq} = the primary's {@code X-Registry-Seq}. The replica holds that read
 * until its own projections applied the sequence (woken by the projections' notices, no polling), so
 * <em>lag = replica answered − primary answered</em>: how long after a write returns in the primary another region
 * serves it. A held read that times out (503) is asked again, so lags beyond the hold bound are still measured.
 *
 * <pre>java -cp perf/target/registry-perf.jar io.registry.perf.ReplicationLag PRIMARY_URL REPLICA_URL WRITES_PER_S SECONDS [TAG]</pre>
 * Prints {@code PERF <key> <value>} lines (as the wrk scripts do) for perf/run.
 */
public final class ReplicationLag {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI primary;
    private final URI replica;
    private final ConcurrentLinkedQueue<Long> writeNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> lagNanos = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writeErrors = new AtomicInteger();
    /** Why writes failed: HTTP status, or the exception's class (e.g. HttpTimeoutException) → count. */
    private final java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> errorKinds =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final AtomicInteger heldTimeouts = new AtomicInteger();

    private ReplicationLag(URI primary, URI replica) {
        this.primary = primary;
        this.replica = replica;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ReplicationLag PRIMARY_URL REPLICA_URL WRITES_PER_S SECONDS [TAG]");
            System.exit(2);
        }
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String tag = args.length > 4 ? args[4] : Long.toString(System.currentTimeMillis());
        new ReplicationLag(URI.create(args[0]), URI.create(args[1])).run(rate, seconds, tag);
    }

    private void run(double rate, int seconds, String tag) throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        long periodNanos = (long) (1e9 / rate);
        List<CompletableFuture<Void>> inFlight = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger issued = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            int n = issued.incrementAndGet();
            if (n > total) {
                return;
            }
            inFlight.add(write(tag, n));
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (issued.get() < total) {
            Thread.sleep(50);
        }
        long issuedIn = System.nanoTime() - start;
        clock.shutdownNow();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, 150, TimeUnit.SECONDS).join();
        report(total, issuedIn);
    }

    /** One write on the primary, then the held read on the replica. */
    private CompletableFuture<Void> write(String tag, int n) {
        String name = "Lag" + tag + "_" + n;
        String body = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"" + name
                + "\\\",\\\"fields\\\":[{\\\"name\\\":\\\"f\\\",\\\"type\\\":\\\"string\\\"}]}\"}";
        HttpRequest request = HttpRequest.newBuilder(primary.resolve("/subjects/lag-" + name + "/versions"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long sent = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            long answered = System.nanoTime();
            Matcher id = ID.matcher(response.body());
            String seq = response.headers().firstValue("X-Registry-Seq").orElse(null);
            if (response.statusCode() != 200 || !id.find() || seq == null) {
                failed(Integer.toString(response.statusCode()));
                return CompletableFuture.completedFuture(null);
            }
            writeNanos.add(answered - sent);
            return visibleInReplica(id.group(1), seq, answered);
        }).exceptionally(error -> {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            failed(cause.getClass().getSimpleName());
            return null;
        });
    }

    private void failed(String kind) {
        writeErrors.incrementAndGet();
        errorKinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    private CompletableFuture<Void> visibleInReplica(String id, String seq, long answeredInPrimary) {
        HttpRequest read = HttpRequest.newBuilder(replica.resolve("/schemas/ids/" + id)).timeout(REQUEST_TIMEOUT)
                .header("X-Registry-Min-Seq", seq).GET().build();
        return http.sendAsync(read, HttpResponse.BodyHandlers.discarding()).thenCompose(response -> {
            long now = System.nanoTime();
            if (response.statusCode() == 200) {
                lagNanos.add(now - answeredInPrimary);
                return CompletableFuture.completedFuture(null);
            }
            if (now - answeredInPrimary > GIVE_UP_NANOS) {
                gaveUp.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }
            heldTimeouts.incrementAndGet(); // 503: the hold's bound passed first; ask again
            return visibleInReplica(id, seq, answeredInPrimary);
        });
    }

    private void report(int total, long issuedInNanos) {
        List<Long> lags = sorted(lagNanos);
        List<Long> writes = sorted(writeNanos);
        System.out.printf("PERF writes %d%n", total);
        System.out.printf("PERF offered_rate %.1f%n", total / (issuedInNanos / 1e9));
        System.out.printf("PERF write_errors %d%n", writeErrors.get());
        System.out.println("PERF write_error_kinds " + (errorKinds.isEmpty() ? "-" : errorKinds.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue()).sorted().collect(java.util.stream.Collectors.joining(","))));
        System.out.printf("PERF write_p50 %.3f%nPERF write_p99 %.3f%n", ms(writes, 50), ms(writes, 99));
        System.out.printf("PERF replicated %d%n", lags.size());
        // not seen in the replica: gave up after GIVE_UP_NANOS, or still in flight when the run ended
        System.out.printf("PERF lost %d%n", total - writeErrors.get() - lags.size());
        System.out.printf("PERF gave_up %d%n", gaveUp.get());
        System.out.printf("PERF held_timeouts %d%n", heldTimeouts.get());
        System.out.printf("PERF lag_p50 %.3f%nPERF lag_p99 %.3f%nPERF lag_max %.3f%n", ms(lags, 50), ms(lags, 99),
                lags.isEmpty() ? 0 : lags.get(lags.size() - 1) / 1e6);
    }

    private static List<Long> sorted(ConcurrentLinkedQueue<Long> values) {
        List<Long> list = new ArrayList<>(values);
        Collections.sort(list);
        return list;
    }

    /** Nearest-rank percentile in milliseconds (0 when there is nothing to rank). */
    private static double ms(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
