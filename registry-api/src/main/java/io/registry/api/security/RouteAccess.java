package io.registry.api.security;

import io.registry.core.access.Operation;
import io.registry.core.access.SubjectPattern;
import io.registry.core.subject.QualifiedSubject;

import java.util.Map;

/**
 * What each route needs from the caller, decided from the HTTP method and the matched route's URI template (so
 * the context-URL rewrite has already happened and path variables are decoded). One table for every controller:
 * controllers stay unaware of authorization. Routes the table does not know are admin-only unless they are reads
 * ({@code GET}) — a new write route is refused until someone classifies it.
 */
public final class RouteAccess {
    private RouteAccess() {
    }

    /** The rate-limit class of a route. */
    public enum RouteClass { READS, WRITES, VALIDATIONS }

    /** What to check before the controller runs. */
    public sealed interface Rule {
        RouteClass routeClass();
    }

    /** Authentication is enough (server metadata, global reads); lists are filtered in the read layer. */
    public record Authenticated(RouteClass routeClass) implements Rule {
    }

    /** Read access to one subject; denied answers like a missing subject (40401). */
    public record ReadSubject(String subject, RouteClass routeClass) implements Rule {
    }

    /** A write: {@code operation} on {@code scope} (a subject, {@code :.ctx:}, or "" for global); denied → 40301. */
    public record Write(Operation operation, String scope) implements Rule {
        @Override
        public RouteClass routeClass() {
            return RouteClass.WRITES;
        }
    }

    /**
     * A schema by id: allowed when the caller may read at least one subject using the id in the context the request
     * picks ({@code subject} query parameter, as {@code RegistryReads#locate}); denied answers 40403.
     */
    public record ReadById(int id, String subjectParameter, RouteClass routeClass) implements Rule {
    }

    /** Every operation on the global scope (an unclassified write route); denied → 40301. */
    public record AdminOnly() implements Rule {
        @Override
        public RouteClass routeClass() {
            return RouteClass.WRITES;
        }
    }

    private static final Rule ADMIN_ONLY = new AdminOnly();

    public static Rule of(String method, String template, Map<String, String> variables, String subjectQuery) {
        String[] s = segments(template);
        String subject = variables.get("subject");
        boolean get = "GET".equals(method);
        boolean post = "POST".equals(method);
        boolean put = "PUT".equals(method);
        boolean delete = "DELETE".equals(method);
        if (s.length >= 1 && s[0].equals("api")) {
            return v1(s, variables, get, post);
        }
        if (s.length >= 1 && s[0].equals("subjects")) {
            if (s.length == 1) {
                return get ? new Authenticated(RouteClass.READS) : adminOr(get);
            }
            if (get) {
                return new ReadSubject(subject, RouteClass.READS);
            }
            if (post && s.length == 2) {
                return new ReadSubject(subject, RouteClass.READS); // lookup: is this schema under the subject?
            }
            if (post && s.length == 3 && s[2].equals("versions")) {
                return new Write(Operation.REGISTER, subject);
            }
            if (delete && (s.length == 2 || (s.length == 4 && s[2].equals("versions")))) {
                return new Write(Operation.DELETE, subject);
            }
            return adminOr(false);
        }
        if (s.length >= 1 && s[0].equals("compatibility") && post && subject != null) {
            return new ReadSubject(subject, RouteClass.VALIDATIONS);
        }
        if (s.length >= 1 && (s[0].equals("config") || s[0].equals("mode"))) {
            Operation op = s[0].equals("config") ? Operation.CONFIG : Operation.MODE;
            if (get) {
                return subject == null ? new Authenticated(RouteClass.READS) : new ReadSubject(subject, RouteClass.READS);
            }
            if (put || delete) {
                return new Write(op, subject == null ? SubjectPattern.GLOBAL_SCOPE : subject);
            }
            return adminOr(false);
        }
        if (s.length >= 3 && s[0].equals("schemas") && s[1].equals("ids") && get) {
            return new ReadById(parseId(variables.get("id")), subjectQuery, RouteClass.READS);
        }
        if (s.length == 2 && s[0].equals("contexts") && delete) {
            return new Write(Operation.DELETE, contextScope(variables.get("context")));
        }
        return adminOr(get);
    }

    private static Rule v1(String[] s, Map<String, String> variables, boolean get, boolean post) {
        // s = api, v1, …
        String noun = s.length > 2 ? s[2] : "";
        if (noun.equals("schemas") && s.length >= 4 && get) {
            return new ReadById(parseId(variables.get("id")), null, RouteClass.READS);
        }
        if (noun.equals("schemas") && s.length == 3) {
            // POST: the subject is in the body; the sequencer checks the grants riding on the command
            return get ? new Authenticated(RouteClass.READS) : post ? new Authenticated(RouteClass.WRITES) : adminOr(false);
        }
        if (noun.equals("subjects") && get) {
            return new ReadSubject(variables.get("subject"), RouteClass.READS);
        }
        if (noun.equals("validate") && post) {
            return new ReadById(parseId(variables.get("id")), null, RouteClass.VALIDATIONS);
        }
        if (noun.equals("compatibility") && post) {
            // the subject is in the body: the read layer shows it only to callers who may read it
            return new Authenticated(RouteClass.VALIDATIONS);
        }
        return adminOr(get);
    }

    private static Rule adminOr(boolean read) {
        return read ? new Authenticated(RouteClass.READS) : ADMIN_ONLY;
    }

    /** {@code ctx}, {@code .ctx} or {@code :.ctx:} → {@code :.ctx:}; the default context → "" (global scope). */
    static String contextScope(String context) {
        try {
            return QualifiedSubject.normalizeContext(context);
        } catch (IllegalArgumentException e) {
            return SubjectPattern.GLOBAL_SCOPE;
        }
    }

    private static int parseId(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }

    private static String[] segments(String template) {
        String t = template.startsWith("/") ? template.substring(1) : template;
        return t.isEmpty() ? new String[0] : t.split("/");
    }
}
