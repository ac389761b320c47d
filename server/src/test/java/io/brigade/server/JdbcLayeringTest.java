package io.brigade.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.brigade.server.sales.SaleBatcher;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * JDBC stays where the database is handled: repositories, the {@code db} package and the sale path's batcher
 * (which holds each sale's savepoint). Elsewhere code may hand a {@link Connection} on and see an
 * {@link SQLException}, but never builds a statement, reads a result or sets a savepoint itself.
 */
class JdbcLayeringTest {
    private static final DescribedPredicate<JavaClass> IN_A_REPOSITORY =
            DescribedPredicate.describe("a repository (or nested in one)",
                    c -> c.getName().split("\\$")[0].endsWith("Repository"));
    private static final DescribedPredicate<JavaClass> IN_THE_SALE_BATCHER =
            DescribedPredicate.describe("the sale batcher", c -> c.getName().split("\\$")[0]
                    .equals(SaleBatcher.class.getName()));

    @Test
    void noJdbcBeyondTheConnectionOutsideRepositoriesTheDbPackageAndTheSaleBatcher() {
        JavaClasses server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.brigade.server");
        noClasses().that().resideOutsideOfPackage("io.brigade.server.db..")
                .and(not(IN_A_REPOSITORY)).and(not(IN_THE_SALE_BATCHER))
                .should().dependOnClassesThat(resideInAPackage("java.sql..")
                        .and(not(assignableTo(Connection.class))).and(not(assignableTo(SQLException.class))))
                .check(server);
    }
}
