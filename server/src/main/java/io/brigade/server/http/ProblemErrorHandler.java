package io.brigade.server.http;

import io.brigade.protocol.Json;
import io.brigade.protocol.Problem;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request line or headers it cannot parse, a URI or headers too long, a
 * failure before any route ran) as RFC 9457 problems like every other refusal: no HTML page, no stack
 * trace, no server version, and a detail of our own words rather than the parser's.
 */
public final class ProblemErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        String title = HttpStatus.getMessage(status);
        Problem problem = Problem.of(status, title, detail(status));
        try {
            byte[] body = Json.mapper().writeValueAsBytes(problem);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
            response.getHeaders().put(SecurityHeaders.NOSNIFF_NAME, SecurityHeaders.NOSNIFF_VALUE);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            if (unreadable(status)) {
                // Jetty closes a connection whose request it could not read; say so, or a client that keeps
                // connections alive sends its next request into the closed one and gets no answer at all.
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            response.write(true, ByteBuffer.wrap(body), callback);
        } catch (Exception e) {
            callback.failed(e);
        }
        return true;
    }

    private static boolean unreadable(int status) {
        return status == 400 || status == 408 || status == 413 || status == 414 || status == 431 || status == 505;
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request could not be read as HTTP (a malformed request line, header or URI)";
            case 404 -> "there is no resource at this path";
            case 405 -> "this method is not allowed here";
            case 408 -> "the request took too long to arrive";
            case 413 -> "the request body is too large";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            case 505 -> "this HTTP version is not supported; use HTTP/1.1";
            default -> status >= 500 ? "the server failed to handle this request" : "the request was refused";
        };
    }
}
