package io.brigade.desktop.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.Json;
import io.brigade.protocol.Problem;
import io.brigade.protocol.devices.DevicePairing;
import io.brigade.protocol.devices.Fingerprints;
import io.brigade.protocol.devices.PairingRequest;
import io.brigade.protocol.devices.PinnedTrust;
import io.brigade.protocol.devices.StoreHello;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A new desktop joining a store: first contact with a store server over HTTPS to see its certificate (the person
 * compares the fingerprint with the one the back office shows), then the pairing code for this device's own
 * credential, sent only over TLS pinned to the certificate the person accepted.
 */
public final class StoreJoin {
    private static final ClientTexts TEXTS = Texts.of(ClientTexts.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private final ObjectMapper mapper = Json.mapper();

    /** A store server that answered: where, its name, and the fingerprint of the certificate it showed. */
    public record Store(String url, String name, String fingerprint) {
        public Store {
            Objects.requireNonNull(url, "url == null");
            Objects.requireNonNull(fingerprint, "fingerprint == null");
        }

        /** The fingerprint as people compare it ({@code 3F2A 9C01 ...}). */
        public String fingerprintShort() {
            return Fingerprints.display(fingerprint);
        }
    }

    /** The store server refused, or could not be reached; the message is fit to show at the new PC. */
    public static final class JoinException extends IOException {
        public JoinException(String message) {
            super(message);
        }
    }

    /**
     * The HTTPS address for what a person typed: {@code 192.168.1.20:8443}, {@code till-pc.local:8443} or a full
     * {@code https://} address. Plain {@code http://} is refused: a store server is joined over TLS only.
     */
    public static String address(String typed) throws JoinException {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            throw new JoinException(TEXTS.typeAddress());
        }
        if (t.toLowerCase(Locale.ROOT).startsWith("http://")) {
            throw new JoinException(TEXTS.httpsOnly());
        }
        if (!t.toLowerCase(Locale.ROOT).startsWith("https://")) {
            t = "https://" + t;
        }
        HttpUrl url = HttpUrl.parse(t);
        if (url == null || url.host().isEmpty() || t.contains(" ")) {
            throw new JoinException(TEXTS.notAnAddress(typed.strip()));
        }
        return url.newBuilder().encodedPath("/").build().toString().replaceAll("/$", "");
    }

    /** Reaches the store server at {@code url} and reads who it is and which certificate it shows. */
    public Store hello(String url) throws IOException {
        String address = address(url);
        PinnedTrust.FirstContact look = new PinnedTrust.FirstContact();
        OkHttpClient http = PinnedHttp.trusting(base(), look).build();
        try (Response response = http.newCall(new Request.Builder().url(address + "/store/v1/hello").get().build())
                .execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new JoinException(TEXTS.notAStoreServer(address, response.code()));
            }
            StoreHello hello = mapper.readValue(body, StoreHello.class);
            String fingerprint = look.anchorFingerprint().orElseThrow(() -> new JoinException(TEXTS.noCertificate(address)));
            return new Store(address, hello.name(), fingerprint);
        } catch (JoinException e) {
            throw e;
        } catch (SSLException e) {
            throw new JoinException(TEXTS.notHttps(address, e.getMessage()));
        } catch (IOException e) {
            throw new JoinException(TEXTS.noAnswer(address, describe(e)));
        } finally {
            close(http);
        }
    }

    /**
     * Trades the one-time {@code code} for this device's credential at {@code store}, trusting only the certificate
     * the person compared. {@code name} is this PC's name in the store's device list.
     */
    public DevicePairing pair(Store store, String code, String name) throws IOException {
        if (code == null || code.replaceAll("[\\s-]", "").isEmpty()) {
            throw new JoinException(TEXTS.typeCode());
        }
        OkHttpClient http = PinnedHttp.pinned(base(), store.fingerprint()).build();
        Request request = new Request.Builder().url(store.url() + "/store/v1/pairings")
                .post(RequestBody.create(mapper.writeValueAsBytes(new PairingRequest(code.strip(),
                        name == null || name.isBlank() ? null : name.strip())), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new JoinException(refusal(response.code(), body));
            }
            DevicePairing pairing = mapper.readValue(body, DevicePairing.class);
            if (pairing.fingerprint() != null && !pairing.fingerprint().equalsIgnoreCase(store.fingerprint())) {
                throw new JoinException(TEXTS.otherCertificate());
            }
            return pairing;
        } catch (JoinException e) {
            throw e;
        } catch (IOException e) {
            throw new JoinException(TEXTS.pairingNoAnswer(store.url(), describe(e)));
        } finally {
            close(http);
        }
    }

    private String refusal(int status, String body) {
        try {
            Problem p = mapper.readValue(body, Problem.class);
            if (p.errors() != null && !p.errors().isEmpty()) {
                return capitalize(p.errors().get(0).detail()) + ".";
            }
            return capitalize(p.detail() != null ? p.detail() : String.valueOf(p.title())) + ".";
        } catch (IOException | RuntimeException e) {
            return TEXTS.storeRefused(status);
        }
    }

    private static String capitalize(String s) {
        String t = s.strip().replaceAll("\\.$", "");
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static OkHttpClient.Builder base() {
        return new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(15)).retryOnConnectionFailure(false);
    }

    private static void close(OkHttpClient http) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
