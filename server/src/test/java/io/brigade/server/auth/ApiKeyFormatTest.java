package io.brigade.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyFormatTest {

    @Test
    void generatedKeysAreWellFormedAndDistinct() {
        String a = ApiKeyFormat.generate();
        String b = ApiKeyFormat.generate();
        assertTrue(ApiKeyFormat.isWellFormed(a), a);
        assertNotEquals(a, b);
        assertEquals(46, a.length());
        assertEquals("bk_live_" + a.substring(8, 12), ApiKeyFormat.displayPrefix(a));
        assertEquals(a.substring(42), ApiKeyFormat.lastFour(a));
    }

    @Test
    void oneChangedCharacterBreaksTheChecksum() {
        String key = ApiKeyFormat.generate();
        char c = key.charAt(20);
        String tampered = key.substring(0, 20) + (c == 'a' ? 'b' : 'a') + key.substring(21);
        assertFalse(ApiKeyFormat.isWellFormed(tampered));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bk_live_", "bk_test_0123456789012345678901234567890123456",
            "bk_live_!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", "Bearer abc"})
    void noiseIsNotAKey(String noise) {
        assertFalse(ApiKeyFormat.isWellFormed(noise));
    }
}
