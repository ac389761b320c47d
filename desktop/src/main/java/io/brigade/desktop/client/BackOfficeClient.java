package io.brigade.desktop.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brigade.protocol.Json;
import io.brigade.protocol.Problem;
import io.brigade.protocol.staff.PinChange;
import io.brigade.protocol.staff.LanguageChange;
import io.brigade.protocol.staff.SessionRequest;
import io.brigade.protocol.staff.StaffSession;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back office as the signed-in staff member: {@code /backoffice/v1/orgs/{orgId}/...} with their own
 * session token, opened with their PIN on first use and again when it has expired. Paths given to the
 * methods are relative to the org, e.g. {@code "api-keys"} or {@code "analytics/daily?fromDate=..."}.
 */
public final class BackOfficeClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private final ObjectMapper mapper = Json.mapper();
    private final HttpUrl base;
    private final String orgId;
    private final OkHttpClient http;
    private final StoreLink link;
    private String pin;
    private StaffSession session;

    public BackOfficeClient(String serverUrl, String orgId, List<Interceptor> extraInterceptors) {
        this(serverUrl, orgId, null, extraInterceptors);
    }

    /**
     * On a desktop that joined a store ({@code link} not null) every call goes over TLS pinned to the store server,
     * and sessions are opened as that device (the store server admits staff sign-in from paired devices only).
     */
    public BackOfficeClient(String serverUrl, String orgId, StoreLink link, List<Interceptor> extraInterceptors) {
        HttpUrl url = HttpUrl.parse(serverUrl);
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + serverUrl);
        }
        this.base = url;
        this.orgId = orgId;
        this.link = link;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(30))
                .retryOnConnectionFailure(false)
                // Idle connections are dropped before the server's 30 s idle timeout closes them under a request.
                .connectionPool(new ConnectionPool(5, 20, TimeUnit.SECONDS))
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("User-Agent", "Brigade-BackOffice/0.1.0").build()))
                .addInterceptor(this::authorize);
        if (link != null) {
            PinnedHttp.pinned(builder, link.fingerprint());
        }
        extraInterceptors.forEach(builder::addInterceptor);
        this.http = builder.build();
    }

    /** Remembers who signed in at this terminal; the server session opens when a screen first needs it. */
    public synchronized void remember(String staffPin) {
        this.pin = staffPin;
        this.session = null;
    }

    /** Forgets the PIN and ends the server session (best effort: a session left open expires on its own). */
    public void forget() {
        StaffSession ending;
        synchronized (this) {
            ending = session;
            pin = null;
            session = null;
        }
        if (ending != null) {
            Request request = new Request.Builder().url(base.resolve("/backoffice/v1/sessions/current"))
                    .header("Authorization", "Bearer " + ending.token()).delete().build();
            http.newCall(request).enqueue(new okhttp3.Callback() {
                @Override
                public void onFailure(okhttp3.Call call, IOException e) {
                    LOG.debug("sign-out did not reach the server; the session will expire", e);
                }

                @Override
                public void onResponse(okhttp3.Call call, Response response) {
                    response.close();
                }
            });
        }
    }

    /** The current session, opened now if there is none yet. */
    public synchronized StaffSession session() throws IOException {
        if (session == null) {
            if (pin == null) {
                throw new BackOfficeException(401, "nobody is signed in");
            }
            session = open(pin);
        }
        return session;
    }

    /**
     * Opens a session for whoever has {@code staffPin}, remembering it on success. A member who must still choose
     * their own PIN gets a session that can only do that ({@link StaffSession#pinChangeRequired()}); a refusal
     * (wrong PIN, locked after too many) is a {@link BackOfficeException} with the server's words.
     */
    public StaffSession signIn(String staffPin) throws IOException {
        StaffSession opened = open(staffPin);
        synchronized (this) {
            pin = staffPin;
            session = opened;
        }
        return opened;
    }

    /** The signed-in member chooses their own PIN; later sessions open with it. */
    public void choosePin(String newPin) throws IOException {
        StaffSession current = session();
        Request request = new Request.Builder().url(base.resolve("/backoffice/v1/sessions/current/pin"))
                .header("Authorization", "Bearer " + current.token())
                .put(RequestBody.create(mapper.writeValueAsBytes(new PinChange(newPin)), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw refusal(response.code(), response.body() == null ? "" : response.body().string());
            }
        }
        synchronized (this) {
            pin = newPin;
            session = null;
        }
    }

    private StaffSession open(String staffPin) throws IOException {
        Request.Builder request = new Request.Builder().url(base.resolve("/backoffice/v1/sessions"))
                .post(RequestBody.create(mapper.writeValueAsBytes(new SessionRequest(orgId, staffPin)), JSON));
        if (link != null) {
            request.header("Authorization", "Bearer " + link.credential());
        }
        try (Response response = http.newCall(request.build()).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw refusal(response.code(), body);
            }
            return mapper.readValue(body, StaffSession.class);
        }
    }

    public String orgId() {
        return orgId;
    }

    /** The absolute URL of a path relative to the org's back office. */
    public HttpUrl url(String relative) {
        HttpUrl url = base.resolve("/backoffice/v1/orgs/" + orgId + "/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("not a path: " + relative);
        }
        return url;
    }

    /** The HTTP client that signs requests with the session, for calls the helpers here do not cover. */
    public OkHttpClient http() {
        return http;
    }

    public <T> T get(String relative, Class<T> type) throws IOException {
        return call(new Request.Builder().url(url(relative)).get().build(), mapper.constructType(type));
    }

    public <T> T get(String relative, TypeReference<T> type) throws IOException {
        return call(new Request.Builder().url(url(relative)).get().build(), mapper.constructType(type));
    }

    public <T> T post(String relative, Object body, Class<T> type) throws IOException {
        return call(new Request.Builder().url(url(relative)).post(json(body)).build(), mapper.constructType(type));
    }

    public <T> T post(String relative, Object body, TypeReference<T> type) throws IOException {
        return call(new Request.Builder().url(url(relative)).post(json(body)).build(), mapper.constructType(type));
    }

    public <T> T put(String relative, Object body, TypeReference<T> type) throws IOException {
        return call(new Request.Builder().url(url(relative)).put(json(body)).build(), mapper.constructType(type));
    }

    public <T> T put(String relative, Object body, Class<T> type) throws IOException {
        return call(new Request.Builder().url(url(relative)).put(json(body)).build(), mapper.constructType(type));
    }

    public <T> T patch(String relative, Object body, Class<T> type) throws IOException {
        return call(new Request.Builder().url(url(relative)).patch(json(body)).build(), mapper.constructType(type));
    }

    public void delete(String relative) throws IOException {
        call(new Request.Builder().url(url(relative)).delete().build(), null);
    }

    /**
     * Keeps the language the signed-in member chose ({@code null}: each device's own) with them on the store server,
     * so that every device speaks it to them.
     */
    public void chooseLanguage(String code) throws IOException {
        HttpUrl url = base.resolve("/backoffice/v1/sessions/current/language");
        call(new Request.Builder().url(url).put(json(new LanguageChange(code))).build(), null);
    }

    /**
     * Saves a download to {@code target} as it arrives (a year's export of a chain is gigabytes), replacing it
     * only once complete; answers the bytes written.
     */
    public long downloadTo(String relative, java.nio.file.Path target) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url(relative)).get().build()).execute()) {
            if (!response.isSuccessful()) {
                throw refusal(response.code(), response.body() == null ? "" : response.body().string());
            }
            java.nio.file.Path partial = target.resolveSibling(target.getFileName() + ".part");
            long n;
            try (java.io.InputStream in = response.body().byteStream()) {
                n = java.nio.file.Files.copy(in, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                java.nio.file.Files.deleteIfExists(partial);
                throw e;
            }
            java.nio.file.Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return n;
        }
    }

    private RequestBody json(Object body) {
        if (body == null) {
            return RequestBody.create(new byte[0], JSON);
        }
        return new RequestBody() {
            @Override
            public okhttp3.MediaType contentType() {
                return JSON;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws IOException {
                mapper.writeValue(new java.io.FilterOutputStream(sink.outputStream()) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() {
                        // the sink belongs to OkHttp
                    }
                }, body);
            }
        };
    }

    /** Parses a successful answer as it arrives (a large menu is never held as text), or throws the refusal. */
    private <T> T call(Request request, JavaType type) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw refusal(response.code(), response.body() == null ? "" : response.body().string());
            }
            if (type == null || response.body() == null) {
                return null;
            }
            java.io.PushbackInputStream in = new java.io.PushbackInputStream(response.body().byteStream(), 1);
            int first = in.read();
            if (first < 0) {
                return null;
            }
            in.unread(first);
            return mapper.readValue(in, type);
        }
    }

    private Response authorize(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        String path = request.url().encodedPath();
        // The org's back office, and the signed-in member's own choices (not signing in or out, done apart)
        if (!path.startsWith("/backoffice/v1/orgs/") && !path.startsWith("/backoffice/v1/sessions/current/")) {
            return chain.proceed(request);
        }
        StaffSession current = session();
        Response response = chain.proceed(bearer(request, current));
        if (response.code() != 401) {
            return response;
        }
        // The session expired or was ended on the server: open a new one with the remembered PIN, once.
        response.close();
        synchronized (this) {
            if (session == current) {
                session = null;
            }
        }
        return chain.proceed(bearer(request, session()));
    }

    private static Request bearer(Request request, StaffSession s) {
        return request.newBuilder().header("Authorization", "Bearer " + s.token()).build();
    }

    /** A refusal with the problem's detail and field errors, which is what the person at the screen needs. */
    private BackOfficeException refusal(int status, String body) {
        try {
            Problem p = mapper.readValue(body, Problem.class);
            // With field errors, they are the message (the detail only repeats or summarises them).
            if (p.errors() != null && !p.errors().isEmpty()) {
                return new BackOfficeException(status, String.join("; ", p.errors().stream()
                        .map(e -> e.field() + ": " + e.detail()).toList()), p.errors());
            }
            return new BackOfficeException(status, Optional.ofNullable(p.detail()).orElse(String.valueOf(p.title())));
        } catch (IOException | RuntimeException e) {
            return new BackOfficeException(status, "the server answered " + status);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
