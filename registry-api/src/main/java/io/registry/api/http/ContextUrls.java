package io.registry.api.http;

import io.registry.core.subject.QualifiedSubject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Context-prefixed URLs ({@code /contexts/{ctx}/subjects/…}, {@code …/schemas/…}, {@code …/config…},
 * {@code …/mode…}, {@code …/compatibility/…}) rewritten to the plain API, with the rules of Confluent's
 * {@code ContextFilter} (a pre-matching JAX-RS filter there; done before routing here, see
 * {@link ContextUrlPipeline}):
 * <ul>
 *   <li>the path segment after {@code subjects} (anywhere) or {@code deks}, or after a leading {@code config} /
 *       {@code mode}, is qualified with the context ({@code :.ctx:s}) unless it already starts with {@code :.}
 *       or {@code :*:};</li>
 *   <li>a bare {@code config} / {@code mode} becomes {@code config/:.ctx:} (the context's own scope; nothing for
 *       the default context);</li>
 *   <li>{@code schemas/ids/…} gets {@code subject=:.ctx:<subject>} (an absent subject counts as empty);
 *       {@code schemas}, {@code subjects} and {@code keks…} get every {@code subjectPrefix} qualified the same
 *       way ({@code :.ctx:} when none is given); values already qualified are left alone;</li>
 *   <li>{@code /contexts/{ctx}} alone becomes {@code /contexts/:.ctx:} (what {@code DELETE /contexts/{ctx}}
 *       receives); {@code /contexts/} stays;</li>
 *   <li>the context may be written {@code .ctx}, {@code ctx} or {@code :.ctx:}; {@code .} and {@code :.:} are
 *       the default context; a name with a colon inside is refused (Confluent: 400, "Context name cannot contain a
 *       colon").</li>
 * </ul>
 * Works on the raw (still percent-encoded) request target, as Confluent works on the undecoded path and query.
 * Confluent's paths keep a trailing slash; these do not (Micronaut matches either way).
 */
public final class ContextUrls {
    /** Requests whose target starts with this are rewritten; every other request is left alone. */
    public static final String PREFIX = "/contexts/";

    private ContextUrls() {
    }

    /** The cheap test the Netty handler makes on every request. */
    public static boolean applies(String uri) {
        return uri.startsWith(PREFIX);
    }

    /**
     * The request target {@code uri} (path and raw query) as the plain API spells it.
     *
     * @param method the HTTP method (Confluent qualifies {@code associations} writes only), may be null
     * @throws IllegalArgumentException for a context name Confluent refuses (its message is the error message)
     */
    public static String rewrite(String method, String uri) {
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? null : uri.substring(q + 1);
        ContextAndPath cp = modifyPath(rawPath.substring(1));
        String path = cp.path;
        List<String[]> params = parseQuery(rawQuery);
        boolean changedQuery = replaceQueryParams(method, cp.context, trimSlashes(path), params);
        StringBuilder out = new StringBuilder(uri.length() + 16).append('/');
        out.append(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        if (changedQuery) {
            appendQuery(out, params);
        } else if (rawQuery != null && !rawQuery.isEmpty()) {
            out.append('?').append(rawQuery);
        }
        return out.toString();
    }

    /** The context named by the URL and the path without its {@code contexts/{ctx}} part (Confluent's modifyUriPath). */
    record ContextAndPath(String context, String path) {
    }

    static ContextAndPath modifyPath(String path) {
        boolean contextPathFound = false;
        String context = QualifiedSubject.DEFAULT_CONTEXT;
        boolean configOrModeFound = false;
        boolean subjectPathFound = false;
        StringBuilder modified = new StringBuilder();
        boolean isFirst = true;
        for (String segment : path.split("/")) {
            String out = segment;
            if (contextPathFound) {
                context = segment;
                contextPathFound = false;
                continue;
            } else if (isFirst && segment.equals("contexts")) {
                contextPathFound = true;
                continue;
            }
            if (subjectPathFound) {
                if (!startsWithContext(segment)) {
                    out = QualifiedSubject.normalizeContext(context) + segment;
                }
                subjectPathFound = false;
            } else {
                boolean rootConfigOrMode = isFirst && (segment.equals("config") || segment.equals("mode"));
                if (segment.equals("subjects") || segment.equals("deks") || rootConfigOrMode) {
                    subjectPathFound = true;
                    if (rootConfigOrMode) {
                        configOrModeFound = true;
                    }
                }
            }
            modified.append(out).append('/');
            if (isFirst && !segment.isEmpty()) {
                isFirst = false;
            }
        }
        if (configOrModeFound && subjectPathFound) {
            String normalized = QualifiedSubject.normalizeContext(context);
            if (!normalized.isEmpty()) {
                modified.append(normalized).append('/');
            }
        } else if (contextPathFound) {
            modified.append("contexts/");
        } else if ((modified.isEmpty() || modified.toString().equals("/"))
                && !QualifiedSubject.DEFAULT_CONTEXT.equals(context)) {
            modified.append("contexts/").append(QualifiedSubject.normalizeContext(context)).append('/');
        }
        return new ContextAndPath(context, modified.toString());
    }

    private static boolean replaceQueryParams(String method, String context, String path, List<String[]> params) {
        if (path.startsWith("schemas/ids")) {
            String subject = first(params, "subject");
            if (subject == null) {
                subject = "";
            }
            if (!startsWithContext(subject)) {
                replace(params, "subject", List.of(queryEncode(QualifiedSubject.normalizeContext(context)) + subject));
                return true;
            }
            return false;
        }
        if (path.equals("schemas") || path.equals("subjects") || path.startsWith("keks")) {
            List<String> prefixes = all(params, "subjectPrefix");
            if (prefixes.isEmpty()) {
                prefixes = List.of("");
            }
            String normalized = queryEncode(QualifiedSubject.normalizeContext(context));
            List<String> replaced = new ArrayList<>(prefixes.size());
            for (String prefix : prefixes) {
                replaced.add(startsWithContext(prefix) ? prefix : normalized + prefix);
            }
            replace(params, "subjectPrefix", replaced);
            return true;
        }
        if (isCreateOrUpdate(method) && path.startsWith("associations")) {
            replace(params, "context", List.of(queryEncode(QualifiedSubject.normalizeContext(context))));
            return true;
        }
        return false;
    }

    private static boolean isCreateOrUpdate(String method) {
        return method != null && (method.equalsIgnoreCase("POST") || method.equalsIgnoreCase("PUT")
                || method.equalsIgnoreCase("PATCH"));
    }

    /** Confluent's startsWithContext: the (URL-decoded) text starts with {@code :.} or {@code :*:}. */
    static boolean startsWithContext(String raw) {
        String decoded = raw;
        try {
            decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // malformed escapes: judged as written, as Confluent does
        }
        return decoded.startsWith(":.") || decoded.startsWith(QualifiedSubject.WILDCARD_PREFIX);
    }

    private static String trimSlashes(String path) {
        int from = path.startsWith("/") ? 1 : 0;
        int to = path.endsWith("/") && path.length() > from ? path.length() - 1 : path.length();
        return path.substring(from, Math.max(from, to));
    }

    // --- raw query handling: values stay percent-encoded as the client sent them ---

    private static List<String[]> parseQuery(String rawQuery) {
        List<String[]> params = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            params.add(eq < 0 ? new String[]{pair, null} : new String[]{pair.substring(0, eq), pair.substring(eq + 1)});
        }
        return params;
    }

    private static String first(List<String[]> params, String name) {
        for (String[] p : params) {
            if (p[0].equals(name)) {
                return p[1] == null ? "" : p[1];
            }
        }
        return null;
    }

    private static List<String> all(List<String[]> params, String name) {
        List<String> values = new ArrayList<>();
        for (String[] p : params) {
            if (p[0].equals(name)) {
                values.add(p[1] == null ? "" : p[1]);
            }
        }
        return values;
    }

    /** As JAX-RS {@code UriBuilder.replaceQueryParam}: every value of {@code name} removed, the new ones appended. */
    private static void replace(List<String[]> params, String name, List<String> values) {
        params.removeIf(p -> p[0].equals(name));
        for (String v : values) {
            params.add(new String[]{name, v});
        }
    }

    private static void appendQuery(StringBuilder out, List<String[]> params) {
        char sep = '?';
        for (String[] p : params) {
            out.append(sep).append(p[0]);
            if (p[1] != null) {
                out.append('=').append(p[1]);
            }
            sep = '&';
        }
    }

    /**
     * A context name taken from the raw path, made safe inside a query value: the characters a query gives a
     * meaning to ({@code & = + # ?} and spaces) and non-ASCII ones are percent-encoded, existing escapes kept.
     */
    static String queryEncode(String rawFromPath) {
        StringBuilder sb = null;
        for (int i = 0; i < rawFromPath.length(); i++) {
            char c = rawFromPath.charAt(i);
            boolean escape = c == '&' || c == '=' || c == '+' || c == '#' || c == '?' || c <= ' ' || c > '~';
            if (escape && sb == null) {
                sb = new StringBuilder(rawFromPath.substring(0, i));
            }
            if (sb != null) {
                if (escape) {
                    for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                        sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                    }
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? rawFromPath : sb.toString();
    }
}
