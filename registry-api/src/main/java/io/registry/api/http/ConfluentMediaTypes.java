package io.registry.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Confluent's content negotiation, as its JAX-RS resources declare it: every resource {@code @Consumes}
 * {@code application/vnd.schemaregistry.v1+json}, {@code application/vnd.schemaregistry+json},
 * {@code application/json} and {@code application/octet-stream} — on every method, with a body or not (clients
 * send the header on DELETE and GET too) — and {@code @Produces} the same three JSON types weighted
 * {@code qs} 1, 0.9 and 0.5. So no {@code Accept} (or a wildcard) gets {@code v1+json}, an explicit
 * {@code application/json} gets {@code application/json}, and an {@code Accept} none of them satisfies gets 406.
 * Pure: the HTTP filter ({@link ConfluentContentNegotiation}) only applies it.
 */
public final class ConfluentMediaTypes {
    /** What Confluent accepts, plus {@code text/plain}, which this registry has always accepted for bodies. */
    private static final List<String> CONSUMED = List.of(RegistryMediaTypes.V1_JSON, RegistryMediaTypes.REGISTRY_JSON,
            "application/json", "application/octet-stream", "text/plain");

    /** What Confluent produces, best first, with its server-side quality ({@code qs}). */
    private static final List<Produced> PRODUCED = List.of(
            new Produced(RegistryMediaTypes.V1_JSON, 1.0),
            new Produced(RegistryMediaTypes.REGISTRY_JSON, 0.9),
            new Produced("application/json", 0.5));

    private ConfluentMediaTypes() {
    }

    /** Whether a request body of this {@code Content-Type} is accepted (absent or blank: yes, as in JAX-RS). */
    public static boolean consumes(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = essence(contentType);
        return CONSUMED.contains(type);
    }

    /**
     * The response type for this {@code Accept} header, or empty when none is acceptable (406). Candidates are
     * ranked as JAX-RS does: the client's quality first, then how specifically the client named the type (exact
     * beats {@code application/*} beats {@code *}{@code /*}), then the server's {@code qs}.
     */
    public static Optional<String> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(RegistryMediaTypes.V1_JSON);
        }
        List<Range> ranges = ranges(accept);
        if (ranges.isEmpty()) {
            return Optional.of(RegistryMediaTypes.V1_JSON);
        }
        String best = null;
        double bestQ = 0;
        int bestSpecificity = -1;
        double bestQs = 0;
        for (Produced produced : PRODUCED) {
            Range match = bestMatch(ranges, produced.type());
            if (match == null || match.q() <= 0) {
                continue;
            }
            boolean better = match.q() > bestQ
                    || (match.q() == bestQ && match.specificity() > bestSpecificity)
                    || (match.q() == bestQ && match.specificity() == bestSpecificity && produced.qs() > bestQs);
            if (better) {
                best = produced.type();
                bestQ = match.q();
                bestSpecificity = match.specificity();
                bestQs = produced.qs();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The most specific range naming {@code type} (a more specific range overrides a wildcard's quality). */
    private static Range bestMatch(List<Range> ranges, String type) {
        Range best = null;
        for (Range range : ranges) {
            if (range.matches(type) && (best == null || range.specificity() > best.specificity())) {
                best = range;
            }
        }
        return best;
    }

    private static List<Range> ranges(String accept) {
        List<Range> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            if (pieces.length == 0) {
                continue;
            }
            String type = pieces[0].trim().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                continue;
            }
            if (type.equals("*")) {
                type = "*/*"; // some clients (old Java URLConnection) send a bare "*"
            }
            if (type.indexOf('/') < 0) {
                continue; // not a media range: ignored, as lenient servers do
            }
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim();
                if (param.regionMatches(true, 0, "q=", 0, 2)) {
                    q = quality(param.substring(2).trim());
                }
            }
            ranges.add(new Range(type, q));
        }
        return ranges;
    }

    private static double quality(String value) {
        try {
            double q = Double.parseDouble(value);
            return Double.isNaN(q) ? 1.0 : Math.max(0, Math.min(1, q));
        } catch (NumberFormatException e) {
            return 1.0;
        }
    }

    private static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    private record Produced(String type, double qs) {
    }

    private record Range(String type, double q) {
        boolean matches(String candidate) {
            if (type.equals("*/*")) {
                return true;
            }
            if (type.endsWith("/*")) {
                return candidate.startsWith(type.substring(0, type.length() - 1));
            }
            return type.equals(candidate);
        }

        /** 2 for an exact type, 1 for {@code type/*}, 0 for {@code *}{@code /*}. */
        int specificity() {
            return type.equals("*/*") ? 0 : type.endsWith("/*") ? 1 : 2;
        }
    }
}
