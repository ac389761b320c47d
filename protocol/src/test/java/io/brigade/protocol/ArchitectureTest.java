package io.brigade.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The wire contract is a library any integrator can take: it depends on the JDK and Jackson, nothing else of
 * ours or anyone's. One rule per line; add the module's next rule here.
 */
@AnalyzeClasses(packages = "io.brigade.protocol", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule protocolDependsOnJacksonAlone = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("io.brigade.protocol..", "java..", "javax.crypto..", "javax.net.ssl..",
                    "com.fasterxml.jackson..");
}
