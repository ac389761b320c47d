package io.brigade.server.network;

import io.brigade.protocol.Json;
import io.brigade.protocol.Problem;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers plain HTTP only for callers on this machine. Anyone else gets 403 with the https address to use
 * instead: PINs, tokens and keys must not cross the store's network in clear text. The refusal cannot undo what
 * such a caller already sent; it makes sure nothing is answered, so no client keeps working that way.
 */
public final class PlainHttpGuard extends Handler.Wrapper {

    public PlainHttpGuard(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.isSecure() || isLoopback(request.getConnectionMetaData().getRemoteSocketAddress())) {
            return super.handle(request, response, callback);
        }
        String host = Request.getServerName(request);
        int port = Request.getServerPort(request);
        String https = "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        Problem problem = Problem.of(403, "HTTPS Required", "plain HTTP is answered on the store server itself "
                + "only; use " + https + request.getHttpURI().getPathQuery() + " (devices pair with the store to "
                + "trust its certificate)");
        response.setStatus(403);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(Json.mapper().writeValueAsBytes(problem)), callback);
        return true;
    }

    static boolean isLoopback(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                && inet.getAddress().isLoopbackAddress();
    }
}
