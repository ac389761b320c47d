package io.brigade.desktop.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.client.ServerClient;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.LocalDatabase;
import io.brigade.desktop.local.OutboxRepository;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.local.SettingsRepository;
import io.brigade.desktop.local.StaffMember;
import io.brigade.protocol.money.MoneySettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drawer's rules without a screen, over a real local outbox, with the store server out of reach: what a till
 * does on its own. (With the store server, DrawerScreenTest.)
 */
class DrawerModelTest {
    private static final StaffMember CIARA = new StaffMember("s1", "Ciara", Role.CASHIER);
    @TempDir
    Path dir;
    private LocalDatabase db;
    private OutboxRepository outbox;
    private Drawer drawer;
    private DrawerModel model;

    @BeforeEach
    void setUp() {
        db = LocalDatabase.open(dir);
        outbox = new OutboxRepository(db);
        TerminalSettings settings = new TerminalSettings("http://localhost:1", "c", "s", "org1", "p1", "sc1", "till-9",
                false);
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
        drawer = new Drawer(new ServerClient(settings, clock), new SettingsRepository(db), outbox, clock, () -> { });
        model = new DrawerModel(drawer, Background.direct(), () -> CIARA, ZoneId.of("Europe/Dublin"), "EUR",
                Texts.of(MoneyTexts.class));
        model.refresh();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void openingAShiftQueuesItForTheStoreServer() {
        model.openShift("150.00");

        assertTrue(model.openProperty().get());
        assertEquals(1, outbox.pendingMoney());
        assertFalse(model.messageIsErrorProperty().get(), model.messageProperty().get());
        assertTrue(model.statusProperty().get().contains("150.00"), model.statusProperty().get());
    }

    @Test
    void aNegativeFloatIsRefusedAndNothingIsQueued() {
        model.openShift("-20");

        assertFalse(model.openProperty().get());
        assertEquals(0, outbox.pendingMoney());
        assertTrue(model.messageIsErrorProperty().get());
        assertEquals("Not an amount: '-20'", model.messageProperty().get());
    }

    @Test
    void aPayOutWithoutAReasonIsRefused() {
        model.openShift("100");
        model.payOut("12.40", " ");

        assertEquals("A reason is required.", model.messageProperty().get());
        assertEquals(1, outbox.pendingMoney());
    }

    @Test
    void aCountWithLettersIsRefusedAndTheShiftStaysOpen() {
        model.openShift("100");
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("20", "4x");

        model.close(counts, "");

        assertEquals("Not a number of notes or coins: '4x'", model.messageProperty().get());
        assertTrue(drawer.current().isPresent());
        assertEquals(1, outbox.pendingMoney());
    }

    @Test
    void aCountMadeWithoutTheStoreServerIsKeptForIt() {
        model.openShift("100");
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("50", "2");
        counts.put("0.50", "1");

        model.close(counts, "");

        assertFalse(drawer.current().isPresent());
        assertEquals(2, outbox.pendingMoney());
        assertEquals("The count is kept on this till; the store server compares it when it is back.",
                model.messageProperty().get());
    }

    @Test
    void aDiscountAboveThePercentageLimitNeedsAManager() {
        MoneySettings limits = new MoneySettings(new BigDecimal("20"), null, true, true, true, true);

        assertTrue(TillMoney.needsManager(limits, new BigDecimal("12.90"), new BigDecimal("12.90")));
        assertFalse(TillMoney.needsManager(limits, new BigDecimal("2.58"), new BigDecimal("12.90")));
    }

    @Test
    void aDiscountAboveTheAmountLimitNeedsAManager() {
        MoneySettings limits = new MoneySettings(null, new BigDecimal("10.00"), true, true, true, true);

        assertTrue(TillMoney.needsManager(limits, new BigDecimal("10.01"), new BigDecimal("200")));
        assertFalse(TillMoney.needsManager(limits, new BigDecimal("10.00"), new BigDecimal("200")));
    }
}
