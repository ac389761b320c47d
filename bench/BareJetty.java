import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The baseline for the sales benchmark: a bare Jetty endpoint answering every request with a small JSON
 * body, on the same Jetty (from the shaded server jar) and the same thread pool shape as BrigadeServer.
 *
 * <pre>
 *   java -cp server/target/brigade-server.jar bench/BareJetty.java 18182
 * </pre>
 */
public final class BareJetty {
    private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18182;
        // Same pool as BrigadeServer.create: max 200, min 8 threads.
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);
        // Handler.Abstract (blocking invocation type), like the Brigade router's handlers.
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(BODY), callback);
                return true;
            }
        });
        server.setStopTimeout(5_000);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }, "shutdown"));
        System.out.println("bare Jetty listening on http://localhost:" + connector.getLocalPort() + "/");
        server.join();
    }
}
