package io.brigade.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        return new HttpRefusal(413, "Content Too Large",
                "request body is larger than " + maxBodyBytes + " bytes");
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
            JsonRefusal refusal = JsonRefusal.of(e);
            if (refusal.field() == null) {
                throw InvalidInputException.malformed(refusal.detail());
            }
            throw InvalidInputException.malformed(refusal.field(), refusal.detail());
        }
    }
}
