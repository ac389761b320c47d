package io.brigade.desktop.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.fx.Background;
import io.brigade.protocol.apikeys.ApiKey;
import io.brigade.protocol.apikeys.CreatedApiKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API Key Manager's logic against a real server, without a screen. */
class ApiKeysViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aCreatedKeyIsHandedOverOnceAndTheListShowsOnlyPrefixAndLastFourUntilRevoked() throws Exception {
        try (BackOfficeFixture f = new BackOfficeFixture(dir)) {
            ApiKeysViewModel vm = new ApiKeysViewModel(f.office, Background.direct());
            vm.refresh();
            int before = vm.keys().size();
            List<CreatedApiKey> shown = new ArrayList<>();
            vm.create("Loyalty partner", shown::add);
            assertEquals(1, shown.size(), vm.messageProperty().get());
            String key = shown.get(0).key();
            assertEquals(before + 1, vm.keys().size());
            ApiKey listed = vm.keys().stream().filter(k -> k.keyId().equals(shown.get(0).keyId())).findFirst()
                    .orElseThrow();
            assertTrue(key.startsWith(listed.keyPrefix()) && key.endsWith(listed.lastFour()), listed.toString());
            assertFalse(listed.toString().contains(key), "the list never carries the key");
            assertNotNull(listed.createdAt());

            vm.revoke(listed);
            ApiKey revoked = vm.keys().stream().filter(k -> k.keyId().equals(listed.keyId())).findFirst()
                    .orElseThrow();
            assertNotNull(revoked.revokedAt());
            assertTrue(vm.messageProperty().get().contains("revoked"));
        }
    }

    @Test
    void belowEnterpriseTheServersTierMessageIsShownAndNoKeyIsMade() throws Exception {
        try (BackOfficeFixture f = new BackOfficeFixture(dir)) {
            f.plan("Professional");
            ApiKeysViewModel vm = new ApiKeysViewModel(f.office, Background.direct());
            vm.refresh();
            int before = vm.keys().size();
            List<CreatedApiKey> shown = new ArrayList<>();
            vm.create("Not allowed", shown::add);
            assertTrue(shown.isEmpty());
            assertTrue(vm.tierGateProperty().get().contains("Upgrade to Enterprise"), vm.tierGateProperty().get());
            vm.refresh();
            assertEquals(before, vm.keys().size(), "nothing was created");
        }
    }

    @Test
    void aBlankNameIsRefusedWithTheServersMessageAndChangesNothing() throws Exception {
        try (BackOfficeFixture f = new BackOfficeFixture(dir)) {
            ApiKeysViewModel vm = new ApiKeysViewModel(f.office, Background.direct());
            vm.refresh();
            int before = vm.keys().size();
            List<CreatedApiKey> shown = new ArrayList<>();
            vm.create("  ", shown::add);
            assertTrue(shown.isEmpty());
            assertTrue(vm.messageProperty().get().contains("name"), vm.messageProperty().get());
            assertEquals("", vm.tierGateProperty().get());
            vm.refresh();
            assertEquals(before, vm.keys().size());
            assertNull(vm.keys().stream().filter(k -> k.name().isBlank()).findFirst().orElse(null));
        }
    }
}
