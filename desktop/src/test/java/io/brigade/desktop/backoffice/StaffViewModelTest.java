package io.brigade.desktop.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.fx.Background;
import io.brigade.protocol.staff.StaffMember;
import io.brigade.protocol.staff.StaffRole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff management's logic against a real server, without a screen. */
class StaffViewModelTest {
    @TempDir
    Path dir;

    @Test
    void addThenRemoveAMemberAndBadInputShowsTheServersMessageAndChangesNothing() throws Exception {
        try (BackOfficeFixture f = new BackOfficeFixture(dir)) {
            StaffViewModel vm = new StaffViewModel(f.office, Background.direct());
            vm.refresh();
            List<String> before = names(vm);
            assertTrue(before.containsAll(List.of("Ciara", "Kevin", "Maeve")), before.toString());

            vm.add("Niamh", "KITCHEN", "4826");
            assertTrue(vm.lastAddSucceededProperty().get(), vm.messageProperty().get());
            StaffMember niamh = vm.members().stream().filter(m -> m.name().equals("Niamh")).findFirst().orElseThrow();
            assertEquals(StaffRole.KITCHEN, niamh.role());

            vm.add("Ronan", "CASHIER", "12");
            assertFalse(vm.lastAddSucceededProperty().get());
            assertTrue(vm.messageProperty().get().contains("pin"), vm.messageProperty().get());
            vm.add("", "CASHIER", "7391");
            assertTrue(vm.messageProperty().get().contains("name"), vm.messageProperty().get());
            vm.refresh();
            assertFalse(names(vm).contains("Ronan"), "a refused add stores nothing");
            assertEquals(before.size() + 1, vm.members().size());

            vm.remove(niamh);
            assertEquals(before, names(vm));
            assertTrue(vm.messageProperty().get().contains("Niamh removed"));
        }
    }

    private static List<String> names(StaffViewModel vm) {
        return vm.members().stream().map(StaffMember::name).toList();
    }
}
