package io.brigade.server.http;

import io.brigade.protocol.Json;
import io.brigade.protocol.Problem;
import io.brigade.server.auth.Authenticator;
import io.brigade.server.auth.Principal;
import io.brigade.server.domain.DomainException;
import io.brigade.server.domain.ForbiddenException;
import io.brigade.server.domain.NotFoundException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declares routes as (method, URI template, logic) and builds Jetty's own
 * {@link PathMappingsHandler} from them. Authentication, tenant checks and the mapping of
 * exceptions to problem bodies happen here, once, never inside routes.
 */
public final class Router {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final Authenticator authenticator;
    private final Map<String, Map<String, Entry>> routes = new LinkedHashMap<>();
    private final List<Consumer<String>> writeListeners = new CopyOnWriteArrayList<>();
    private final List<RouteGuard> guards = new CopyOnWriteArrayList<>();
    private RequestAuthenticator apiKeyAuthenticator;

    public Router(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** How a route finds its caller. */
    public enum Auth {
        /** {@code Authorization} / {@code FD-Authorization} (v3, back office). */
        BEARER,
        /** {@code X-API-Key} (the public /api/v1 API). */
        API_KEY,
        /** Anonymous (the token endpoint). */
        NONE
    }

    /** Finds the caller of a request or throws an {@link DomainException} (401, 403, 429). */
    @FunctionalInterface
    public interface RequestAuthenticator {
        Principal authenticate(Request request);
    }

    private record Entry(Route route, Auth auth, StreamRoute stream) {
    }

    /**
     * A route that writes its own response over time (server-sent events). It runs after authentication and
     * the org check, like any route; an {@link DomainException} thrown before it writes becomes a problem. Once it
     * has started the response it owns {@code callback} and must complete it (Jetty 12 core:
     * {@code response.write(false, chunk, cb)} per chunk, then {@code write(true, …)}).
     */
    @FunctionalInterface
    public interface StreamRoute {
        void open(Exchange exchange, Response response, Callback callback) throws Exception;
    }

    /**
     * Checks an authenticated caller against the route it matched (method and URI template), after the org
     * check and before the route runs; throws an {@link DomainException} to refuse (installed apps' scopes).
     */
    @FunctionalInterface
    public interface RouteGuard {
        void check(Exchange exchange, String method, String template);
    }

    /** An authenticated route; a {@code {orgId}} in the template must be the caller's own org. */
    public Router route(String method, String template, Route route) {
        return add(method, template, route, Auth.BEARER);
    }

    /** An authenticated streaming route (see {@link StreamRoute}). */
    public Router stream(String method, String template, StreamRoute route) {
        return add(method, template, null, Auth.BEARER, route);
    }

    /** A route open to anonymous callers (the token endpoint). */
    public Router open(String method, String template, Route route) {
        return add(method, template, route, Auth.NONE);
    }

    /** A route whose caller sends {@code X-API-Key}, checked by the authenticator given to {@link #apiKeys}. */
    public Router apiKeyRoute(String method, String template, Route route) {
        return add(method, template, route, Auth.API_KEY);
    }

    /** Adds a check run on every authenticated request after the org check. */
    public Router guard(RouteGuard guard) {
        guards.add(guard);
        return this;
    }

    /** Sets how {@link Auth#API_KEY} routes authenticate. */
    public Router apiKeys(RequestAuthenticator authenticator) {
        this.apiKeyAuthenticator = authenticator;
        return this;
    }

    /**
     * Calls {@code listener} with the caller's org after every successful non-GET request, once the
     * route has returned (so after its transaction committed): caches of that org drop their entries.
     */
    public Router onWrite(Consumer<String> listener) {
        writeListeners.add(listener);
        return this;
    }

    private Router add(String method, String template, Route route, Auth auth) {
        return add(method, template, route, auth, null);
    }

    private Router add(String method, String template, Route route, Auth auth, StreamRoute stream) {
        Entry previous = routes.computeIfAbsent(template, t -> new TreeMap<>())
                .put(method, new Entry(route, auth, stream));
        if (previous != null) {
            throw new IllegalArgumentException("duplicate route " + method + " " + template);
        }
        return this;
    }

    /** The Jetty handler serving every declared route, with a problem body for unknown paths. */
    public Handler build() {
        PathMappingsHandler mappings = new PathMappingsHandler();
        routes.forEach((template, byMethod) ->
                mappings.addMapping(new UriTemplatePathSpec(template), new MethodDispatch(template, byMethod)));
        return new Handler.Wrapper(mappings) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (super.handle(request, response, callback)) {
                    return true;
                }
                writeProblem(request, response, callback,
                        Problem.of(404, "Not Found", "no resource at " + request.getHttpURI().getDecodedPath()));
                return true;
            }
        };
    }

    private final class MethodDispatch extends Handler.Abstract {
        private final String template;
        private final Map<String, Entry> byMethod;

        MethodDispatch(String template, Map<String, Entry> byMethod) {
            this.template = template;
            this.byMethod = byMethod;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Entry entry = byMethod.get(request.getMethod());
            if (entry == null) {
                response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", byMethod.keySet()));
                writeProblem(request, response, callback, Problem.of(405, "Method Not Allowed",
                        request.getMethod() + " is not allowed here; use " + String.join(", ", byMethod.keySet())));
                return true;
            }
            UriTemplatePathSpec spec = (UriTemplatePathSpec) request.getAttribute(PathMappingsHandler.PATHSPEC_ATTR);
            Map<String, String> params = spec.getPathParams(request.getHttpURI().getDecodedPath());
            Exchange exchange = new Exchange(request, params == null ? Map.of() : params, MAX_BODY_BYTES);
            Reply reply;
            try {
                if (entry.auth() != Auth.NONE) {
                    Principal principal = entry.auth() == Auth.API_KEY
                            ? apiKeyAuthenticator.authenticate(request) : authenticator.authenticate(request);
                    if (principal.isStaff() && !request.getHttpURI().getDecodedPath().startsWith("/backoffice/")) {
                        throw new ForbiddenException("a staff session opens the back office only; integrations use "
                                + "the org's OAuth client or an API key");
                    }
                    String orgId = params == null ? null : params.get("orgId");
                    if (orgId != null && !principal.canAccessOrg(orgId)) {
                        // 404, not 403: a caller learns nothing about orgs that are not theirs.
                        throw new NotFoundException("org " + orgId);
                    }
                    exchange.principal(principal);
                    for (RouteGuard guard : guards) {
                        guard.check(exchange, request.getMethod(), template);
                    }
                }
                if (entry.stream() != null) {
                    entry.stream().open(exchange, response, callback);
                    return true;
                }
                reply = entry.route().handle(exchange);
                if (!"GET".equals(request.getMethod()) && entry.auth() != Auth.NONE && reply.status() < 300) {
                    // The org written to: the path's (an installed app writes to orgs other than its own).
                    String org = params != null && params.get("orgId") != null ? params.get("orgId")
                            : exchange.principal().orgId();
                    writeListeners.forEach(listener -> listener.accept(org));
                }
            } catch (DomainException | HttpRefusal e) {
                String path = request.getHttpURI().getDecodedPath();
                Problems.Answer answer = e instanceof DomainException d ? Problems.of(d, path)
                        : Problems.of((HttpRefusal) e, path);
                answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
                if (answer.status() == 413 || !drained(exchange)) {
                    // The rest of the body was never read: the connection cannot carry another request.
                    response.getHeaders().put(HttpHeader.CONNECTION, "close");
                }
                if (answer.status() == 401) {
                    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE,
                            entry.auth() == Auth.API_KEY ? "ApiKey header=\"X-API-Key\"" : "Bearer");
                }
                writeProblem(request, response, callback, answer.problem());
                return true;
            } catch (Exception e) {
                LOG.error("unexpected failure on {} {}", request.getMethod(), request.getHttpURI().getDecodedPath(), e);
                writeProblem(request, response, callback, Problem.of(500, "Internal Server Error",
                        "the server failed to handle this request; it has been logged"));
                return true;
            }
            write(response, callback, reply);
            return true;
        }
    }

    /**
     * Reads what is left of a refused request's body (up to the body limit) before answering: a connection
     * answered with its request body still in flight may be closed by Jetty under the client's next request.
     */
    private static boolean drained(Exchange exchange) {
        try {
            exchange.body();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void write(Response response, Callback callback, Reply reply) {
        try {
            response.setStatus(reply.status());
            reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
            if (reply.body() == null) {
                response.write(true, null, callback);
                return;
            }
            byte[] bytes = reply.body() instanceof byte[] raw ? raw : Json.mapper().writeValueAsBytes(reply.body());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
            response.write(true, ByteBuffer.wrap(bytes), callback);
        } catch (Exception e) {
            callback.failed(e);
        }
    }

    static void writeProblem(Request request, Response response, Callback callback, Problem problem) {
        try {
            response.setStatus(problem.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
            response.write(true, ByteBuffer.wrap(Json.mapper().writeValueAsBytes(problem)), callback);
        } catch (Exception e) {
            callback.failed(e);
        }
    }

    /** The declared routes, for documentation and the cross-tenant test. */
    public Map<String, java.util.Set<String>> declared() {
        return routes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().keySet(), (a, b) -> a, LinkedHashMap::new));
    }
}
