package io.brigade.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How access and errors are layered: {@code http} knows routes, rules and refusals but no feature; the rule
 * vocabulary ({@code access}) and the refusals ({@code domain}) know neither HTTP nor features; staff members
 * know nothing of sessions and credentials.
 */
class AccessLayeringTest {
    private static JavaClasses server;

    @BeforeAll
    static void importServer() {
        server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.brigade.server");
    }

    @Test
    void httpImportsNoFeature() {
        classes().that().resideInAPackage("io.brigade.server.http..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.brigade.server.http..",
                        "io.brigade.server.access..", "io.brigade.server.domain..", "io.brigade.protocol..",
                        "java..", "org.eclipse.jetty..", "com.fasterxml.jackson..", "org.slf4j..")
                .check(server);
    }

    @Test
    void accessRulesAndDomainRefusalsImportNeitherHttpNorFeatures() {
        classes().that().resideInAnyPackage("io.brigade.server.access..", "io.brigade.server.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.brigade.server.access..",
                        "io.brigade.server.domain..", "io.brigade.protocol..", "java..")
                .check(server);
    }

    @Test
    void staffMembersKnowNothingOfSessionsOrCredentials() {
        noClasses().that().resideInAPackage("io.brigade.server.staff..")
                .should().dependOnClassesThat().resideInAPackage("io.brigade.server.auth..")
                .check(server);
    }
}
