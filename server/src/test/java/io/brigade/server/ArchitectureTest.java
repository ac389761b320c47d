package io.brigade.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's layering, checked on its production classes: protocol <- server <- desktop. One rule per field;
 * the next rule about the server (its {@code http} package, where {@code java.sql} may appear) goes here too.
 */
@AnalyzeClasses(packages = "io.brigade.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule serverNeverImportsTheDesktop = noClasses().should().dependOnClassesThat()
            .resideInAPackage("io.brigade.desktop..");
}
