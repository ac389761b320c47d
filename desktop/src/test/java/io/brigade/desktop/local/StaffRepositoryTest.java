package io.brigade.desktop.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.staff.SignInViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffRepositoryTest {
    @TempDir
    Path dir;
    private LocalDatabase db;
    private StaffRepository staff;

    @BeforeEach
    void open() {
        db = LocalDatabase.open(dir);
        staff = new StaffRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aPinSignsInItsOwnerAndNobodyElse() {
        staff.add("Ciara", Role.CASHIER, "1111");
        staff.add("Maeve", Role.MANAGER, "9999");
        assertEquals("Maeve", staff.signIn("9999").orElseThrow().name());
        assertEquals(Role.CASHIER, staff.signIn("1111").orElseThrow().role());
        assertTrue(staff.signIn("1112").isEmpty());
        assertTrue(staff.signIn("").isEmpty());
    }

    @Test
    void pinsAreStoredHashedNotAsTyped() {
        staff.add("Ciara", Role.CASHIER, "1111");
        String stored = db.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT pin_hash || pin_salt FROM staff")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertTrue(!stored.contains("1111") && stored.length() >= 64, stored);
    }

    @Test
    void badOrDuplicatePinsAreRefused() {
        staff.add("Ciara", Role.CASHIER, "1111");
        assertThrows(IllegalArgumentException.class, () -> staff.add("Kevin", Role.KITCHEN, "1111"));
        assertThrows(IllegalArgumentException.class, () -> staff.add("Kevin", Role.KITCHEN, "12a4"));
        assertThrows(IllegalArgumentException.class, () -> staff.add("Kevin", Role.KITCHEN, "123"));
    }

    @Test
    void signInScreenRefusesShortAndUnknownPinsWithAMessage() {
        staff.add("Ciara", Role.CASHIER, "1111");
        List<StaffMember> signedIn = new ArrayList<>();
        SignInViewModel pad = new SignInViewModel(staff, Background.direct(), (who, pin) -> signedIn.add(who));
        pad.digit(1);
        pad.signIn();
        assertEquals("A PIN has at least 4 digits", pad.messageProperty().get());
        pad.clear();
        for (int d : new int[] {2, 2, 2, 2}) {
            pad.digit(d);
        }
        pad.signIn();
        assertEquals("Unknown PIN. Try again.", pad.messageProperty().get());
        assertEquals("", pad.pinProperty().get());
        for (int d : new int[] {1, 1, 1, 1}) {
            pad.digit(d);
        }
        pad.signIn();
        assertEquals(List.of("Ciara"), signedIn.stream().map(StaffMember::name).toList());
    }
}
