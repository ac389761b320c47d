package io.brigade.server.http;

import io.brigade.protocol.Json;
import io.brigade.protocol.Problem;
import io.brigade.server.access.Access;
import io.brigade.server.access.StoreLookup;
import io.brigade.server.domain.DomainException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route table: each route is (method, URI template, {@link Access} rule, logic), declared in one line, and
 * built into Jetty's own {@link PathMappingsHandler}. Before a route runs, the {@link AccessFilter} enforces its
 * rule; whatever a route or the filter throws is answered as a problem ({@link Problems}). Routes never check
 * access or write error bodies themselves.
 */
public final class Router {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final AccessFilter filter;
    private final Map<String, Map<String, Entry>> routes = new LinkedHashMap<>();

    /** A router whose routes find their callers with {@code authenticator}, limited to stores by {@code stores}. */
    public Router(CallerAuthenticator authenticator, StoreLookup stores) {
        this.filter = new AccessFilter(authenticator, stores);
    }

    /** One declared route as the table lists it. */
    public record Declared(String method, String template, Access access) {
    }

    private record Entry(Access access, Route route, StreamRoute stream) {
    }

    /**
     * A route that writes its own response over time (server-sent events). It runs after the access filter,
     * like any route; a {@link DomainException} thrown before it writes becomes a problem. Once it has started
     * the response it owns {@code callback} and must complete it (Jetty 12 core:
     * {@code response.write(false, chunk, cb)} per chunk, then {@code write(true, …)}).
     */
    @FunctionalInterface
    public interface StreamRoute {
        void open(Exchange exchange, Response response, Callback callback) throws Exception;
    }

    public Router get(String template, Access access, Route route) {
        return add("GET", template, access, route, null);
    }

    public Router post(String template, Access access, Route route) {
        return add("POST", template, access, route, null);
    }

    public Router put(String template, Access access, Route route) {
        return add("PUT", template, access, route, null);
    }

    public Router patch(String template, Access access, Route route) {
        return add("PATCH", template, access, route, null);
    }

    public Router delete(String template, Access access, Route route) {
        return add("DELETE", template, access, route, null);
    }

    /** A streaming GET (see {@link StreamRoute}). */
    public Router stream(String template, Access access, StreamRoute route) {
        return add("GET", template, access, null, route);
    }

    private Router add(String method, String template, Access access, Route route, StreamRoute stream) {
        Objects.requireNonNull(access, () -> method + " " + template + " has no access rule");
        Entry previous = routes.computeIfAbsent(template, t -> new TreeMap<>())
                .put(method, new Entry(access, route, stream));
        if (previous != null) {
            throw new IllegalArgumentException("duplicate route " + method + " " + template);
        }
        return this;
    }

    /** The Jetty handler serving every declared route, with a problem body for unknown paths. */
    public Handler build() {
        PathMappingsHandler mappings = new PathMappingsHandler();
        routes.forEach((template, byMethod) ->
                mappings.addMapping(new UriTemplatePathSpec(template), new MethodDispatch(byMethod)));
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
        private final Map<String, Entry> byMethod;

        MethodDispatch(Map<String, Entry> byMethod) {
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
                filter.admit(exchange, entry.access());
                if (entry.stream() != null) {
                    entry.stream().open(exchange, response, callback);
                    return true;
                }
                reply = entry.route().handle(exchange);
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
                            entry.access().credential() == Access.Credential.API_KEY
                                    ? "ApiKey header=\"X-API-Key\"" : "Bearer");
                }
                writeProblem(request, response, callback, answer.problem());
                return true;
            } catch (Exception e) {
                LOG.error("unexpected failure on {} {}", request.getMethod(), request.getHttpURI().getDecodedPath(), e);
                writeProblem(request, response, callback, Problem.of(500, "Internal Server Error",
                        "the server failed to handle this request; it has been logged"));
                return true;
            }
            write(request, response, callback, reply);
            return true;
        }
    }

    /**
     * Reads what is left of a refused request's body (up to the body limit) before answering: a connection
     * answered with its request body still in flight may be closed by Jetty under the client's next request.
     */
    private static boolean drained(Exchange exchange) {
        return exchange.drain();
    }

    private static void write(Request request, Response response, Callback callback, Reply reply) {
        try {
            response.setStatus(reply.status());
            reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
            if (reply.body() == null) {
                response.write(true, null, callback);
                return;
            }
            if (reply.body() instanceof Reply.Streamed streamed) {
                writeStreamed(request, response, callback, reply.contentType(), streamed,
                        !(streamed instanceof Reply.Packed) && acceptsGzip(request));
                return;
            }
            if (reply.body() instanceof Reply.Gzipped gzipped) {
                boolean passOn = acceptsGzip(request);
                if (passOn) {
                    response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
                }
                writeStreamed(request, response, callback, reply.contentType(), out -> {
                    try (java.io.InputStream in = passOn ? gzipped.open()
                            : new java.util.zip.GZIPInputStream(gzipped.open(), 1 << 16)) {
                        in.transferTo(out);
                    }
                }, false);
                return;
            }
            byte[] bytes = reply.body() instanceof byte[] raw ? raw : Json.mapper().writeValueAsBytes(reply.body());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
            response.write(true, ByteBuffer.wrap(bytes), callback);
        } catch (Exception e) {
            callback.failed(e);
        }
    }

    /**
     * Writes a streamed body in 64 KB pieces, gzip-compressed (at the fastest level: these bodies are tens of
     * megabytes and the point is to send them quickly) when the client accepts it. Once the first piece is
     * out the status is sent, so a failure after it can only cut the connection.
     */
    private static void writeStreamed(Request request, Response response, Callback callback, String contentType,
                                      Reply.Streamed body, boolean gzip) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.VARY, "Accept-Encoding");
        if (gzip) {
            response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        try (java.io.OutputStream sink = Content.Sink.asOutputStream(response);
             java.io.OutputStream out = new java.io.BufferedOutputStream(gzip ? new FastGzip(sink) : sink, 1 << 16)) {
            body.writeTo(out);
        } catch (Exception e) {
            LOG.warn("streamed answer to {} {} was cut short: {}", request.getMethod(),
                    request.getHttpURI().getDecodedPath(), e.toString());
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    private static boolean acceptsGzip(Request request) {
        for (String value : request.getHeaders().getValuesList(HttpHeader.ACCEPT_ENCODING)) {
            for (String coding : value.split(",")) {
                String c = coding.strip();
                if (c.equals("gzip") || (c.startsWith("gzip;") && !c.replace(" ", "").endsWith("q=0"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** gzip at the fastest level, with a 64 KB buffer. */
    private static final class FastGzip extends java.util.zip.GZIPOutputStream {
        FastGzip(java.io.OutputStream out) throws java.io.IOException {
            super(out, 1 << 16);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
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

    /** Every declared route with its rule, in declaration order (templates) and method order. */
    public List<Declared> routes() {
        List<Declared> out = new ArrayList<>();
        routes.forEach((template, byMethod) ->
                byMethod.forEach((method, entry) -> out.add(new Declared(method, template, entry.access()))));
        return out;
    }

    /** The declared methods per template, for documentation and the cross-tenant test. */
    public Map<String, Set<String>> declared() {
        return routes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().keySet(), (a, b) -> a, LinkedHashMap::new));
    }
}
