package io.registry.api.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.registry.api.http.JsonResponses;
import io.registry.api.http.RegistryException;
import io.registry.api.read.RegistryReads;
import io.registry.core.access.AccessGrants;
import io.registry.core.access.Operation;
import io.registry.core.access.SubjectPattern;
import io.registry.core.command.ErrorCode;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.ExecutorService;

/**
 * Subject-scoped authorization, after Micronaut Security has authenticated the caller: each route's rule
 * ({@link RouteAccess}) checked against the caller's grants. A subject the caller may not read answers like a
 * missing one (40401), a schema id none of whose subjects it may read like a missing id (40403), a write it may not
 * do 40301. Lists are not refused but filtered, in the read layer ({@link CurrentCaller}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "registry.security.enabled", value = "true")
public class AccessFilter implements Ordered {
    private final SecuritySettings settings;
    private final Callers callers;
    private final RegistryReads reads;
    private final Scheduler blocking;

    public AccessFilter(SecuritySettings settings, Callers callers, RegistryReads reads,
                        @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.settings = settings;
        this.callers = callers;
        this.reads = reads;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @RequestFilter
    public Publisher<MutableHttpResponse<?>> authorize(HttpRequest<?> request,
                                                      FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (authentication == null || settings.isOpen(request.getPath())) {
            return next.proceed(); // Micronaut Security has already refused what needs a caller
        }
        AccessGrants caller = callers.of(request, authentication);
        RouteAccess.Rule rule = Routes.rule(request);
        if (rule == null) {
            return next.proceed(); // no route: 404
        }
        if (rule instanceof RouteAccess.ReadSubject r) {
            return r.subject() == null || caller.mayRead(r.subject()) ? next.proceed()
                    : deny(RegistryException.subjectNotFound(r.subject()));
        }
        if (rule instanceof RouteAccess.Write w) {
            return caller.permits(w.operation(), w.scope()) ? next.proceed()
                    : deny(new RegistryException(ErrorCode.FORBIDDEN, "User '" + caller.principal()
                    + "' is not authorized to " + w.operation().wireName() + " on "
                    + (w.scope().isEmpty() ? "the global scope" : "'" + w.scope() + "'")));
        }
        if (rule instanceof RouteAccess.AdminOnly) {
            for (Operation op : Operation.values()) {
                if (!caller.permits(op, SubjectPattern.GLOBAL_SCOPE)) {
                    return deny(new RegistryException(ErrorCode.FORBIDDEN, "User '" + caller.principal()
                            + "' is not authorized to use this endpoint"));
                }
            }
            return next.proceed();
        }
        if (rule instanceof RouteAccess.ReadById r) {
            // the read model is blocking: off the event loop
            return Mono.fromCallable(() -> mayReadId(caller, r)).subscribeOn(blocking)
                    .flatMap(ok -> ok ? Mono.from(next.proceed()) : Mono.from(deny(RegistryException.schemaNotFound())));
        }
        return next.proceed();
    }

    /** Whether the caller may read some subject (soft-deleted ones too) using the id in the context the request picks. */
    private boolean mayReadId(AccessGrants caller, RouteAccess.ReadById rule) {
        RegistryReads.Located located;
        try {
            located = reads.locate(rule.id(), rule.subjectParameter());
        } catch (RegistryException notFound) {
            return true; // the controller answers its own not-found
        }
        return reads.allSubjectsUsing(located.context(), rule.id()).stream().anyMatch(caller::mayRead);
    }

    private static Publisher<MutableHttpResponse<?>> deny(RegistryException e) {
        return Mono.just(JsonResponses.error(e.code(), e.getMessage()));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 10;
    }
}
