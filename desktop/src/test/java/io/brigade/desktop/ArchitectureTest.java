package io.brigade.desktop;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.KitchenStream;
import io.brigade.desktop.client.ServerClient;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the desktop is layered, bottom up: {@code fx} (JavaFX helpers), {@code i18n} (texts and formats),
 * {@code client} (the server clients),
 * {@code local} (what this PC keeps in its database), {@code embedded} (the built-in server); then the features;
 * then the shell ({@code shell} and the launcher in the root package), which alone wires them together.
 * A feature offers the others only its public face, listed in {@link #PUBLIC_FACES}; a new feature is added to
 * {@link #FEATURES}, and what it offers to {@link #PUBLIC_FACES}.
 */
@AnalyzeClasses(packages = "io.brigade.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "io.brigade.desktop";
    private static final String[] BOTTOM = {ROOT + ".fx..", ROOT + ".i18n..", ROOT + ".client..",
        ROOT + ".local..", ROOT + ".embedded.."};
    static final List<String> FEATURES = List.of("till", "kitchen", "dashboard", "menu", "backoffice", "staff",
            "sync", "settings", "join", "store", "printing", "tables", "money");
    /** What each feature lets the other features use; everything else in a feature is its own business. */
    static final Map<String, Set<String>> PUBLIC_FACES = Map.of(
            // The ticket and what it is made of, without JavaFX: the till's own model, for table service too.
            "till", Set.of("Ticket", "TicketLine", "PricedItem", "TillMenu", "Order", "Tender", "ReceiptOutput"),
            // Money control as the till asks for it: the drawer, approvals, vouchers and refunds behind one face.
            "money", Set.of("TillMoney"),
            // Table service: the till's checks, and the floor it shows.
            "tables", Set.of("CheckBook", "FloorViewModel", "FloorPane"));
    private static final String[] SHELL = {ROOT + ".shell..", ROOT};

    @ArchTest
    static final ArchRule bottomLayersNeverImportFeaturesOrTheShell = noClasses().that()
            .resideInAnyPackage(BOTTOM).should().dependOnClassesThat().resideInAnyPackage(features())
            .orShould().dependOnClassesThat().resideInAnyPackage(SHELL);

    @ArchTest
    static final ArchRule featuresNeverImportTheShell = noClasses().that().resideInAnyPackage(features())
            .should().dependOnClassesThat().resideInAnyPackage(SHELL);

    @ArchTest
    static final ArchRule featuresMeetOnlyThroughTheirPublicFaces = classes().that()
            .resideInAnyPackage(features()).should(useOtherFeaturesOnlyThroughTheirPublicFaces());

    @ArchTest
    static final ArchRule onlyTheEmbeddedServerImportsTheServer = noClasses().that()
            .resideOutsideOfPackage(ROOT + ".embedded..").should().dependOnClassesThat()
            .resideInAPackage("io.brigade.server..");

    /**
     * The server's entry point: build it, open its database, make the demo restaurant, serve the store on the network
     * (its listening, certificates and mDNS browser); and its rules for data files (DataFiles, H2Login), which the
     * till's own database follows too.
     */
    @ArchTest
    static final ArchRule theEmbeddedServerUsesOnlyTheServersEntryPoint = classes().that()
            .resideInAPackage(ROOT + ".embedded..").should().onlyDependOnClassesThat(describe(
                    "outside the server or its entry point (BrigadeServer, Database, DemoBootstrap, DataFiles, "
                            + "H2Login, Listening, StoreAuthority, StoreBrowser, StoreAddresses)",
                    c -> !c.getPackageName().startsWith("io.brigade.server")
                            || c.getName().startsWith("io.brigade.server.BrigadeServer")
                            || c.getName().startsWith("io.brigade.server.db.Database")
                            || c.getName().startsWith("io.brigade.server.db.DataFiles")
                            || c.getName().startsWith("io.brigade.server.db.H2Login")
                            || c.getName().startsWith("io.brigade.server.bootstrap.DemoBootstrap")
                            || c.getName().startsWith("io.brigade.server.network.Listening")
                            || c.getName().startsWith("io.brigade.server.network.StoreAuthority")
                            || c.getName().startsWith("io.brigade.server.network.TlsMaterial")
                            || c.getName().startsWith("io.brigade.server.network.StoreBrowser")
                            || c.getName().startsWith("io.brigade.server.network.StoreAddresses")));

    @ArchTest
    static final ArchRule controllersNeverCallTheServerClients = noClasses().that()
            .haveSimpleNameEndingWith("Controller").or().haveSimpleNameEndingWith("Dialog")
            .should().dependOnClassesThat().belongToAnyOf(ServerClient.class, BackOfficeClient.class,
                    KitchenStream.class)
            .orShould().dependOnClassesThat().resideInAPackage("okhttp3..");

    @ArchTest
    static final ArchRule viewModelsNeverTouchControls = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    @ArchTest
    static final ArchRule logsGoThroughSlf4j = noClasses().should().dependOnClassesThat()
            .resideInAPackage("java.util.logging..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    private static String[] features() {
        return FEATURES.stream().map(f -> ROOT + "." + f + "..").toArray(String[]::new);
    }

    private static String featureOf(JavaClass c) {
        String p = c.getPackageName();
        for (String f : FEATURES) {
            if (p.equals(ROOT + "." + f) || p.startsWith(ROOT + "." + f + ".")) {
                return f;
            }
        }
        return null;
    }

    private static ArchCondition<JavaClass> useOtherFeaturesOnlyThroughTheirPublicFaces() {
        return new ArchCondition<>("use other features only through their public faces") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String mine = featureOf(c);
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    String theirs = featureOf(target);
                    if (theirs == null || theirs.equals(mine)) {
                        continue;
                    }
                    String topLevel = target.getName().substring(target.getPackageName().length() + 1).split("\\$")[0];
                    if (!PUBLIC_FACES.getOrDefault(theirs, Set.of()).contains(topLevel)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription() + ": " + topLevel
                                + " is not part of the public face of " + theirs));
                    }
                }
            }
        };
    }
}
