package io.brigade.protocol.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {
    private static final String TS = "2025-10-28T14:34:56.789Z";
    private static final Clock AT_TS = Clock.fixed(Instant.parse(TS), ZoneOffset.UTC);
    private static final String BODY = "{\"source\":\"rms\",\"detail-type\":\"sales.created.v1\"}";

    @Test
    void hmacReproducesRfc4231TestCase2() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.hmacHex("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void signedHeaderHasTheDocumentedShapeAndVerifies() {
        String header = WebhookSignature.sign("s3cret", TS, BODY);
        assertEquals("t=" + TS + ",sha256=" + WebhookSignature.hmacHex("s3cret", TS + "." + BODY), header);
        assertTrue(WebhookSignature.verify(header, BODY, List.of("s3cret"), AT_TS, Duration.ofMinutes(5)));
    }

    @Test
    void tamperedBodyOrWrongSecretIsRejected() {
        String header = WebhookSignature.sign("s3cret", TS, BODY);
        assertFalse(WebhookSignature.verify(header, BODY + " ", List.of("s3cret"), AT_TS, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(header, BODY, List.of("other"), AT_TS, Duration.ofMinutes(5)));
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301})
    void timestampsOutsideFiveMinutesAreRejected(long offsetSeconds) {
        String header = WebhookSignature.sign("s3cret", TS, BODY);
        Clock clock = Clock.offset(AT_TS, Duration.ofSeconds(offsetSeconds));
        assertFalse(WebhookSignature.verify(header, BODY, List.of("s3cret"), clock, Duration.ofMinutes(5)));
        Clock inside = Clock.offset(AT_TS, Duration.ofSeconds(offsetSeconds > 0 ? 299 : -299));
        assertTrue(WebhookSignature.verify(header, BODY, List.of("s3cret"), inside, Duration.ofMinutes(5)));
    }

    @Test
    void anyOfSeveralSignaturesOrSecretsPassesDuringRotation() {
        String oldSig = WebhookSignature.hmacHex("old", TS + "." + BODY);
        String newSig = WebhookSignature.hmacHex("new", TS + "." + BODY);
        String header = "t=" + TS + ",sha256=" + oldSig + ",sha256=" + newSig;
        assertTrue(WebhookSignature.verify(header, BODY, List.of("new"), AT_TS, Duration.ofMinutes(5)));
        assertTrue(WebhookSignature.verify("t=" + TS + ",sha256=" + oldSig, BODY, List.of("new", "old"), AT_TS,
                Duration.ofMinutes(5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "t=", "sha256=abc", "t=2025-10-28T14:34:56.789Z", "garbage"})
    void malformedHeadersDoNotParse(String header) {
        assertNull(WebhookSignature.parse(header));
        assertFalse(WebhookSignature.verify(header, BODY, List.of("s3cret"), AT_TS, Duration.ofMinutes(5)));
    }

    @Test
    void unparseableTimestampIsRejected() {
        String header = "t=yesterday,sha256=" + WebhookSignature.hmacHex("s3cret", "yesterday." + BODY);
        assertFalse(WebhookSignature.verify(header, BODY, List.of("s3cret"), AT_TS, Duration.ofMinutes(5)));
    }
}
