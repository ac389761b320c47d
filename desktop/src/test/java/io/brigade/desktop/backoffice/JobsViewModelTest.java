package io.brigade.desktop.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.support.LiveServer;
import io.brigade.desktop.support.Tills;
import io.brigade.protocol.jobs.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job dashboard's logic against a real server and its real job worker, without a screen. */
class JobsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void exportRunsToCompletedAndItsResultIsSaved() throws Exception {
        try (BackOfficeFixture f = new BackOfficeFixture(dir.resolve("server"))) {
            JobsViewModel vm = new JobsViewModel(f.office, Background.direct(), () -> f.tenant.menuId());
            LocalDate today = LocalDate.now(LiveServer.DUBLIN);
            vm.startExport(today.minusDays(7), today, 0);
            assertEquals("Analytics export started.", vm.messageProperty().get());
            Job done = awaitFinished(vm, JobsViewModel.EXPORT);
            assertEquals("completed", done.status(), String.valueOf(done));
            assertEquals(100, done.progress());
            assertTrue(JobsViewModel.downloadable(done));
            Path target = dir.resolve(JobsViewModel.resultName(done));
            vm.download(done, target);
            assertTrue(Files.size(target) > 0, vm.messageProperty().get());
            assertEquals("job-" + done.jobId() + ".zip", target.getFileName().toString(), "five CSVs come zipped");
        }
    }

    @Test
    void priceUpdateFromCsvMakesANewRevisionAndABadFileStartsNothing() throws Exception {
        try (BackOfficeFixture f = new BackOfficeFixture(dir.resolve("server"))) {
            JobsViewModel vm = new JobsViewModel(f.office, Background.direct(), () -> f.tenant.menuId());
            String item = f.tenant.menuItemIds().get(0);
            vm.startPriceUpdate("item,price\n" + item + ",12.40\n", false);
            Job done = awaitFinished(vm, JobsViewModel.PRICES);
            assertEquals("completed", done.status(), String.valueOf(done));
            assertEquals(1, done.result().path("itemsChanged").asInt(), done.result().toString());

            Path chosen = dir.resolve("prices.csv");
            Files.writeString(chosen, "\uFEFFitem,price,available\n" + item + ",13.10,true\n");
            vm.startPriceUpdate(chosen, true);
            assertEquals("Bulk price update started.", vm.messageProperty().get(),
                    "a spreadsheet's byte order mark does not spoil the header");
            Tills.await("the second price update to finish", Duration.ofSeconds(60), () -> {
                vm.refresh();
                return vm.jobs().stream().filter(j -> j.type().equals(JobsViewModel.PRICES))
                        .allMatch(j -> j.status().equals("completed"));
            });
            vm.startPriceUpdate(dir.resolve("missing.csv"), true);
            assertTrue(vm.messageProperty().get().startsWith("Could not read missing.csv"),
                    vm.messageProperty().get());

            int jobs = vm.jobs().size();
            vm.startPriceUpdate("item,price\n" + item + ",twelve\n", false);
            assertTrue(vm.messageProperty().get().contains("line 2"), vm.messageProperty().get());
            vm.startPriceUpdate("item,price\nno-such-item,1.00\n", false);
            assertTrue(vm.messageProperty().get().contains("no item no-such-item"), vm.messageProperty().get());
            vm.refresh();
            assertEquals(jobs, vm.jobs().size(), "refused files start no job");
        }
    }

    @Test
    void nutritionImportRunsAndAWrongHeaderIsRefusedWithTheServersMessage() throws Exception {
        try (BackOfficeFixture f = new BackOfficeFixture(dir.resolve("server"))) {
            JobsViewModel vm = new JobsViewModel(f.office, Background.direct(), () -> f.tenant.menuId());
            String item = f.tenant.menuItemIds().get(0);
            vm.startNutritionImport("item,energyKcal,allergens\n" + item + ",640,gluten;milk\n");
            Job done = awaitFinished(vm, JobsViewModel.NUTRITION);
            assertEquals("completed", done.status(), String.valueOf(done));

            int jobs = vm.jobs().size();
            vm.startNutritionImport("product,kcal\nx,1\n");
            assertTrue(vm.messageProperty().get().contains("'item' column"), vm.messageProperty().get());
            vm.refresh();
            assertEquals(jobs, vm.jobs().size());
        }
    }

    @Test
    void aDelayedJobCanBeCancelledAndAFinishedOneCannot() throws Exception {
        try (BackOfficeFixture f = new BackOfficeFixture(dir.resolve("server"))) {
            JobsViewModel vm = new JobsViewModel(f.office, Background.direct(), () -> f.tenant.menuId());
            LocalDate today = LocalDate.now(LiveServer.DUBLIN);
            vm.startExport(today, today, 30);
            Job delayed = vm.jobs().get(0);
            assertEquals("delayed", delayed.status());
            assertTrue(JobsViewModel.cancellable(delayed));
            vm.cancel(delayed);
            assertEquals("cancelled", vm.jobs().get(0).status());
            vm.cancel(vm.jobs().get(0));
            assertTrue(vm.messageProperty().get().contains("only waiting or delayed"), vm.messageProperty().get());
        }
    }

    @Test
    void belowProfessionalTheJobListShowsTheServersTierMessage() throws Exception {
        try (BackOfficeFixture f = new BackOfficeFixture(dir.resolve("server"))) {
            f.plan("Free");
            JobsViewModel vm = new JobsViewModel(f.office, Background.direct(), () -> f.tenant.menuId());
            vm.refresh();
            assertTrue(vm.tierGateProperty().get().contains("Upgrade to Professional"), vm.tierGateProperty().get());
            assertTrue(vm.jobs().isEmpty());
        }
    }

    private static Job awaitFinished(JobsViewModel vm, String type) {
        Tills.await(type + " to finish", Duration.ofSeconds(60), () -> {
            vm.refresh();
            return vm.jobs().stream().anyMatch(j -> j.type().equals(type)
                    && (j.status().equals("completed") || j.status().equals("failed")));
        });
        return vm.jobs().stream().filter(j -> j.type().equals(type)).findFirst().orElseThrow();
    }
}
