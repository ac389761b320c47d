package io.brigade.server.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Headers every answer carries, whichever route or error produced it: {@code X-Content-Type-Options:
 * nosniff}, so a browser never runs a JSON or CSV answer as something else. The server's name and version
 * are never sent ({@link #configure}).
 */
public final class SecurityHeaders extends Handler.Wrapper {
    static final String NOSNIFF_NAME = "X-Content-Type-Options";
    static final String NOSNIFF_VALUE = "nosniff";

    public SecurityHeaders(Handler handler) {
        super(handler);
    }

    /** The HTTP settings of every connector: no {@code Server} or {@code X-Powered-By} header. */
    public static HttpConfiguration configure(HttpConfiguration config) {
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        return config;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(NOSNIFF_NAME, NOSNIFF_VALUE);
        return super.handle(request, response, callback);
    }
}
