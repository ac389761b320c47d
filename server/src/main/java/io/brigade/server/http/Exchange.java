package io.brigade.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.brigade.protocol.Json;
import io.brigade.server.access.Caller;
import io.brigade.server.domain.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** One request as a route sees it: path parameters, query, headers, body and the caller. */
public final class Exchange {
    private final Request request;
    private final Map<String, String> pathParams;
    private final int maxBodyBytes;
    private Caller caller;
    private byte[] body;
    private LimitedInputStream streamed;
    private Fields query;

    Exchange(Request request, Map<String, String> pathParams, int maxBodyBytes) {
        this.request = request;
        this.pathParams = pathParams;
        this.maxBodyBytes = maxBodyBytes;
    }

    public Request request() {
        return request;
    }

    public String path(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return value;
    }

    public Optional<String> query(String name) {
        if (query == null) {
            query = Request.extractQueryParameters(request);
        }
        Fields.Field field = query.get(name);
        return field == null ? Optional.empty() : Optional.ofNullable(field.getValue());
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** A path parameter the route's template may or may not have. */
    Optional<String> pathParam(String name) {
        return Optional.ofNullable(pathParams.get(name));
    }

    /** Who is calling, as the access filter found them; routes open to anyone have no caller. */
    public Caller caller() {
        if (caller == null) {
            throw new IllegalStateException("route is open to anyone: it has no caller");
        }
        return caller;
    }

    void caller(Caller caller) {
        this.caller = caller;
    }

    /** The raw body, refused with 413 past the limit. */
    public byte[] body() throws IOException {
        if (body == null) {
            long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            if (declared > maxBodyBytes) {
                throw tooLarge();
            }
            try (InputStream in = Content.Source.asInputStream(request)) {
                byte[] read = in.readNBytes(maxBodyBytes + 1);
                if (read.length > maxBodyBytes) {
                    throw tooLarge();
                }
                body = read;
            }
        }
        return body;
    }

    private HttpRefusal tooLarge() {
        return tooLarge(maxBodyBytes);
    }

    private static HttpRefusal tooLarge(long limit) {
        return new HttpRefusal(413, "Content Too Large", "request body is larger than " + limit + " bytes");
    }

    /**
     * Parses the body as JSON into {@code type} as it arrives, without holding its bytes: for the few routes
     * whose documented payloads are large (a 100,000-item menu). Past {@code maxBytes} it is refused with 413,
     * before reading when the declared length says so, else as soon as the count passes it.
     */
    public <T> T streamedJson(Class<T> type, long maxBytes) throws IOException {
        T value = streamedJsonIfAny(type, maxBytes);
        if (value == null) {
            throw InvalidInputException.malformed("request body is required");
        }
        return value;
    }

    /** As {@link #streamedJson}, but an empty body is allowed and answers null. */
    public <T> T streamedJsonIfAny(Class<T> type, long maxBytes) throws IOException {
        if (body != null || streamed != null) {
            throw new IllegalStateException("the body was read already");
        }
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        streamed = new LimitedInputStream(Content.Source.asInputStream(request), maxBytes);
        try {
            T value = Json.mapper().readValue(streamed, type);
            if (value == null) {
                throw InvalidInputException.malformed("request body must be a JSON object");
            }
            return value;
        } catch (TooLarge e) {
            throw tooLarge(maxBytes);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof TooLarge) {
                throw tooLarge(maxBytes);
            }
            if (e instanceof MismatchedInputException && streamed.count() == 0) {
                return null;
            }
            throw refused(e);
        }
    }

    /**
     * Reads what is left of the body, within the route's limit, so the connection can carry the next request;
     * false when it could not (then the connection is closed after the answer).
     */
    boolean drain() {
        try {
            if (streamed == null) {
                body();
                return true;
            }
            byte[] skip = new byte[8192];
            while (streamed.read(skip) >= 0) {
                // discarded: the answer is a refusal
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Thrown by {@link LimitedInputStream} past its limit. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("request body too large");
        }
    }

    /** Counts what is read and fails past {@code limit}. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge();
            }
        }
    }

    /** Parses the body as JSON into {@code type}; syntax and type errors become 400 with the field path. */
    public <T> T json(Class<T> type) throws IOException {
        byte[] bytes = body();
        if (bytes.length == 0) {
            throw InvalidInputException.malformed("request body is required");
        }
        try {
            T value = Json.mapper().readValue(bytes, type);
            if (value == null) {
                throw InvalidInputException.malformed("request body must be a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw refused(e);
        }
    }

    private static InvalidInputException refused(JsonProcessingException e) {
        JsonRefusal refusal = JsonRefusal.of(e);
        return refusal.field() == null ? InvalidInputException.malformed(refusal.detail())
                : InvalidInputException.malformed(refusal.field(), refusal.detail());
    }
}
