package io.brigade.desktop.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brigade.protocol.Data;
import io.brigade.protocol.Headers;
import io.brigade.protocol.Json;
import io.brigade.protocol.Problem;
import io.brigade.protocol.analytics.AnalyticsEventBatch;
import io.brigade.protocol.devices.DeviceRole;
import io.brigade.protocol.devices.Devices;
import io.brigade.protocol.availability.ChannelSnoozes;
import io.brigade.protocol.org.TokenResponse;
import io.brigade.protocol.sales.CancelSale;
import io.brigade.protocol.staff.StaffCredential;
import io.brigade.protocol.store.StorePrinters;
import io.brigade.protocol.store.StoreSettings;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import okhttp3.FormBody;
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
 * The terminal's view of the v3 API over OkHttp: client-credentials tokens, the published menu, sale
 * pushes with an idempotency key, cancellations and analytics batches.
 */
public final class ServerClient {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String USER_AGENT = "Brigade-Till/0.1.0";
    private static final Logger LOG = LoggerFactory.getLogger(ServerClient.class);
    private static final TypeReference<Data<List<StaffCredential>>> STAFF_LIST = new TypeReference<>() { };
    private static final TypeReference<Data<ChannelSnoozes>> SNOOZES = new TypeReference<>() { };
    private final ObjectMapper mapper = Json.mapper();
    private final TerminalSettings settings;
    private final HttpUrl base;
    private final OkHttpClient http;
    private final Clock clock;
    private String token;
    private Instant tokenExpires = Instant.MIN;
    /** Why the store refused this device for good (a manager revoked it), once it has said so. */
    private volatile String revocation;

    public ServerClient(TerminalSettings settings, Clock clock, List<Interceptor> extraInterceptors) {
        this.settings = settings;
        this.clock = clock;
        HttpUrl url = HttpUrl.parse(settings.serverUrl());
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + settings.serverUrl());
        }
        this.base = url;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(15))
                .retryOnConnectionFailure(false)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("User-Agent", USER_AGENT).build()))
                .addInterceptor(this::authorize)
                .addInterceptor(this::watchRevocation);
        if (settings.link() != null) {
            PinnedHttp.pinned(builder, settings.link().fingerprint());
        }
        extraInterceptors.forEach(builder::addInterceptor);
        this.http = builder.build();
    }

    /**
     * The store's reason, when it has refused this device because a manager revoked it: the till then says so on
     * screen. Sales rung before the revocation are still handed in; nothing after it is accepted.
     */
    public Optional<String> revocation() {
        return Optional.ofNullable(revocation);
    }

    public ServerClient(TerminalSettings settings, Clock clock) {
        this(settings, clock, List.of());
    }

    /** Pushes a sale with {@code key} as its idempotency key; a replay answers with the original sale. */
    public PushOutcome pushSale(UUID key, String saleJson) {
        Request request = new Request.Builder()
                .url(url("salesManagement", "orgs", settings.orgId(), "sales"))
                .header(Headers.IDEMPOTENCY_KEY, key.toString())
                .post(RequestBody.create(saleJson, JSON))
                .build();
        return send(request);
    }

    public PushOutcome cancelSale(String saleId, CancelSale body) {
        return send(new Request.Builder()
                .url(url("salesManagement", "orgs", settings.orgId(), "sales", saleId, "cancel"))
                .post(RequestBody.create(write(body), JSON))
                .build());
    }

    /** The status the server holds for one of this channel's sales. */
    public PushOutcome sale(String saleId) {
        return send(new Request.Builder()
                .url(url("salesManagement", "orgs", settings.orgId(), "salesChannels", settings.salesChannelId(),
                        "sales", saleId))
                .get().build());
    }

    public PushOutcome postEvents(AnalyticsEventBatch batch) {
        return send(new Request.Builder()
                .url(url("analytics", "orgs", settings.orgId(), "events"))
                .post(RequestBody.create(write(batch), JSON))
                .build());
    }

    /**
     * The menu revision now published to this terminal's channel, as the server's gzip-compressed answer; empty
     * when nothing is published or the published revision is the one cached already, {@code cachedMenuId} at
     * {@code cachedRevisionId} (then nothing is downloaded: a 100,000-item menu is ~8 MB even compressed).
     */
    public Optional<byte[]> publishedMenu(String cachedMenuId, long cachedRevisionId) throws IOException {
        if (settings.link() != null && settings.link().role() == DeviceRole.OFFICE) {
            return Optional.empty(); // an office PC sells nothing; its managers read menus in the menu workspace
        }
        JsonNode headers = getJson(url("menuManagement", "orgs", settings.orgId(), "menus", "published"));
        for (JsonNode h : headers.path("data")) {
            for (JsonNode channel : h.path("publishedSalesChannelIds")) {
                if (channel.asText().equals(settings.salesChannelId())) {
                    String menuId = h.path("menuId").asText();
                    long revisionId = h.path("publishedRevisionId").asLong();
                    if (menuId.equals(cachedMenuId) && revisionId == cachedRevisionId) {
                        return Optional.empty();
                    }
                    return Optional.of(gzipAnswer(url("menuManagement", "orgs", settings.orgId(), "menus", menuId,
                            "revisions", Long.toString(revisionId))));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A GET's body gzip-compressed, as the server sends it when asked (asking ourselves keeps OkHttp from undoing
     * the compression); a server that answers uncompressed has it compressed here. A large answer gets more time.
     */
    private byte[] gzipAnswer(HttpUrl url) throws IOException {
        OkHttpClient patient = http.newBuilder().readTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofMinutes(3)).build();
        try (Response response = patient.newCall(new Request.Builder().url(url)
                .header("Accept-Encoding", "gzip").get().build()).execute()) {
            if (!response.isSuccessful()) {
                String body = response.body() == null ? "" : response.body().string();
                throw new IOException("GET " + url.encodedPath() + " answered " + response.code() + ": "
                        + reason(body));
            }
            if ("gzip".equalsIgnoreCase(response.header("Content-Encoding"))) {
                return response.body().bytes();
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.OutputStream gzip = new java.util.zip.GZIPOutputStream(bytes);
                 java.io.InputStream in = response.body().byteStream()) {
                in.transferTo(gzip);
            }
            return bytes.toByteArray();
        }
    }

    /**
     * The org's staff with their PIN digests, for offline sign-in; empty when the server refuses (a server
     * older than staff sync, or credentials that may not read them), which is logged.
     */
    public List<StaffCredential> staffCredentials() throws IOException {
        HttpUrl url = url("backoffice", "v1", "orgs", settings.orgId(), "staff", "credentials");
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (response.code() >= 500) {
                throw new IOException("GET " + url.encodedPath() + " answered " + response.code());
            }
            if (!response.isSuccessful()) {
                LOG.warn("the server did not give this terminal its staff ({}): {}", response.code(), reason(body));
                return List.of();
            }
            return mapper.readValue(body, STAFF_LIST).data();
        }
    }

    /**
     * What is snoozed on this terminal's channel now (the till greys it out); empty when the server
     * refuses (an older server, or credentials that may not read it), which is logged.
     */
    public Optional<ChannelSnoozes> snoozes() throws IOException {
        if (settings.link() != null && settings.link().role() != DeviceRole.TILL) {
            return Optional.empty(); // only a till greys out snoozed items
        }
        HttpUrl url = url("backoffice", "v1", "orgs", settings.orgId(), "salesChannels", settings.salesChannelId(),
                "snoozes");
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (response.code() >= 500) {
                throw new IOException("GET " + url.encodedPath() + " answered " + response.code());
            }
            if (!response.isSuccessful()) {
                LOG.warn("the server did not give this terminal its snoozes ({}): {}", response.code(), reason(body));
                return Optional.empty();
            }
            return Optional.of(mapper.readValue(body, SNOOZES).data());
        }
    }

    /** The store's settings (receipts print its name, address and tax number); empty when the server refuses. */
    public Optional<StoreSettings> storeSettings() throws IOException {
        return storeSettings(null).map(Tagged::value);
    }

    /** A read answer with its {@code ETag}, to name when asking again. */
    public record Tagged<T>(T value, String tag) {
    }

    /**
     * The store's settings when they differ from the copy tagged {@code held} (the ETag of the settings this PC
     * holds; null: none): empty when they are the same (the server sends no logo again) or when the server refuses.
     */
    public Optional<Tagged<StoreSettings>> storeSettings(String held) throws IOException {
        return storeRead("settings", StoreSettings.class, held);
    }

    /** The store's printers; empty when the server refuses. */
    public Optional<StorePrinters> storePrinters() throws IOException {
        return storeRead("printers", StorePrinters.class, null).map(Tagged::value);
    }

    private <T> Optional<Tagged<T>> storeRead(String what, Class<T> type, String held) throws IOException {
        HttpUrl url = url("backoffice", "v1", "orgs", settings.orgId(), "store", what).newBuilder()
                .addQueryParameter("propertyId", settings.propertyId()).build();
        Request.Builder request = new Request.Builder().url(url).get();
        if (held != null) {
            request.header("If-None-Match", held);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            if (response.code() == 304) {
                return Optional.empty();
            }
            String body = response.body() == null ? "" : response.body().string();
            if (response.code() >= 500) {
                throw new IOException("GET " + url.encodedPath() + " answered " + response.code());
            }
            if (!response.isSuccessful()) {
                LOG.warn("the server did not give this terminal the store's {} ({}): {}", what, response.code(),
                        reason(body));
                return Optional.empty();
            }
            return Optional.of(new Tagged<>(mapper.readValue(body, type), response.header("ETag")));
        }
    }

    /** The store's kitchen stream, read as this terminal (its credential), reconnecting after {@code retry}. */
    public KitchenStream kitchenStream(KitchenStream.Listener listener, Duration retry) {
        HttpUrl url = url("backoffice", "v1", "orgs", settings.orgId(), "kitchen", "stream").newBuilder()
                .addQueryParameter("propertyId", settings.propertyId()).build();
        return new KitchenStream(http, url, listener, retry);
    }

    private JsonNode getJson(HttpUrl url) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("GET " + url.encodedPath() + " answered " + response.code() + ": " + reason(body));
            }
            return mapper.readTree(body);
        }
    }

    /**
     * A JSON {@code POST} of {@code json} to the server at {@code path} (segments after the host; a money call: a
     * shift, an approval, a refund). Network trouble is a {@link PushOutcome.Retry}, a refusal a
     * {@link PushOutcome.Rejected} with the server's reason.
     */
    public PushOutcome postJson(String json, String... path) {
        return send(new Request.Builder().url(url(path)).post(RequestBody.create(json, JSON)).build());
    }

    /** A {@code GET} of {@code path} with {@code query} parameters (null values left out). */
    public PushOutcome getJson(java.util.Map<String, String> query, String... path) {
        HttpUrl.Builder url = url(path).newBuilder();
        query.forEach((k, v) -> {
            if (v != null) {
                url.addQueryParameter(k, v);
            }
        });
        return send(new Request.Builder().url(url.build()).get().build());
    }

    /** The org and store this terminal belongs to: {@code backoffice/v1/orgs/{org}/properties/{store}}. */
    public String[] store(String... more) {
        String[] path = new String[6 + more.length];
        path[0] = "backoffice";
        path[1] = "v1";
        path[2] = "orgs";
        path[3] = settings.orgId();
        path[4] = "properties";
        path[5] = settings.propertyId();
        System.arraycopy(more, 0, path, 6, more.length);
        return path;
    }

    /** The sale path under the org: {@code salesManagement/orgs/{org}/...}. */
    public String[] sales(String... more) {
        String[] path = new String[3 + more.length];
        path[0] = "salesManagement";
        path[1] = "orgs";
        path[2] = settings.orgId();
        System.arraycopy(more, 0, path, 3, more.length);
        return path;
    }

    /** The name this till goes by on the server when it is not a paired device (its terminal name). */
    public String terminalName() {
        return settings.terminalName();
    }

    private PushOutcome send(Request request) {
        try (Response response = http.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            int code = response.code();
            if (response.isSuccessful()) {
                return new PushOutcome.Accepted(code, body);
            }
            // A Retry-After makes any answer "not yet", never a refusal: the server sends it with its 409 while a
            // push with the same key (this one, sent before and timed out here) is still being stored.
            Duration after = retryAfter(response.header("Retry-After"));
            if (code >= 500 || code == 408 || code == 429 || after != null) {
                return new PushOutcome.Retry("server answered " + code + ": " + reason(body), after);
            }
            return new PushOutcome.Rejected(code, reason(body));
        } catch (IOException e) {
            return new PushOutcome.Retry(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** A Retry-After in seconds (an HTTP date counts as a second); null without one. */
    private static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    /** The problem's detail and field errors, which is what a manager needs to read. */
    private String reason(String body) {
        try {
            Problem p = mapper.readValue(body, Problem.class);
            StringBuilder s = new StringBuilder(p.detail() != null ? p.detail() : String.valueOf(p.title()));
            if (p.errors() != null) {
                p.errors().forEach(e -> s.append("; ").append(e.field()).append(": ").append(e.detail()));
            }
            return s.toString();
        } catch (IOException | RuntimeException e) {
            return body.length() > 300 ? body.substring(0, 300) : body;
        }
    }

    private Response watchRevocation(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() == 403 && settings.link() != null) {
            String detail = reason(response.peekBody(8192).string());
            if (detail.startsWith(Devices.REVOKED)) {
                revocation = detail;
            }
        }
        return response;
    }

    private Response authorize(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        if (settings.link() != null) {
            // A paired device is itself on the wire: its own credential on every call, no token to fetch.
            return chain.proceed(request.newBuilder().header("Authorization", "Bearer "
                    + settings.link().credential()).build());
        }
        if (request.url().encodedPath().startsWith("/identity")) {
            return chain.proceed(request);
        }
        Response response = chain.proceed(request.newBuilder().header("Authorization", "Bearer " + token(chain)).build());
        if (response.code() != 401) {
            return response;
        }
        // The cached token was revoked or expired early: fetch a fresh one and try once more.
        response.close();
        synchronized (this) {
            token = null;
        }
        return chain.proceed(request.newBuilder().header("Authorization", "Bearer " + token(chain)).build());
    }

    private synchronized String token(Interceptor.Chain chain) throws IOException {
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return token;
        }
        Request request = new Request.Builder()
                .url(url("identity", "connect", "token"))
                .post(new FormBody.Builder()
                        .add("grant_type", "client_credentials")
                        .add("client_id", settings.clientId())
                        .add("client_secret", settings.clientSecret())
                        .build())
                .build();
        try (Response response = chain.proceed(request)) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("token endpoint answered " + response.code());
            }
            TokenResponse t = mapper.readValue(body, TokenResponse.class);
            token = t.accessToken();
            tokenExpires = clock.instant().plusSeconds(Math.max(0, t.expiresIn() - 60));
            return token;
        }
    }

    private HttpUrl url(String... segments) {
        HttpUrl.Builder b = base.newBuilder();
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b.build();
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Applies one check operation on the store server: {@code checkId} and the operation's JSON. 2xx carries the
     * check as it is after it (201 applied now, 200 applied before).
     */
    public PushOutcome checkOperation(String checkId, String operationJson) {
        return send(new Request.Builder()
                .url(url("backoffice", "v1", "orgs", settings.orgId(), "checks", checkId, "operations"))
                .post(RequestBody.create(operationJson, JSON))
                .build());
    }

    /** The store's floor plan (a {@code FloorPlan} as JSON). */
    public PushOutcome floorPlan() {
        return send(new Request.Builder()
                .url(url("backoffice", "v1", "orgs", settings.orgId(), "floor").newBuilder()
                        .addQueryParameter("propertyId", settings.propertyId()).build())
                .get().build());
    }

    /** One check of the store, open or not (a {@code Check} as JSON). */
    public PushOutcome check(String checkId) {
        return send(new Request.Builder()
                .url(url("backoffice", "v1", "orgs", settings.orgId(), "checks", checkId))
                .get().build());
    }

    /** The store's open checks (a {@code CheckList} as JSON). */
    public PushOutcome openChecks() {
        return send(new Request.Builder()
                .url(url("backoffice", "v1", "orgs", settings.orgId(), "checks").newBuilder()
                        .addQueryParameter("propertyId", settings.propertyId()).build())
                .get().build());
    }

    /** Releases the connection pool and threads. */
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
