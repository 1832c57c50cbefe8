package org.openicr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openicr.persistencefixture.boundary.SqlInABoundary;

/**
 * The persistence rule's "no SQL in boundaries" (issue 17, item 5; docs/architecture.md, "Persistence rule"): a boundary
 * never runs SQL itself (no {@code createNativeQuery}, no JDBC connection or statement); its SQL
 * lives in a store in its capability's control package. JPQL named queries of its own entities
 * stay allowed.
 */
class PersistenceRuleTest {

    static final DescribedPredicate<JavaMethodCall> RUNS_SQL =
            new DescribedPredicate<>("run SQL (createNativeQuery, a JDBC connection or statement)") {
                @Override
                public boolean test(JavaMethodCall call) {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    return owner.equals(EntityManager.class.getName()) && name.equals("createNativeQuery")
                            || owner.equals(DataSource.class.getName()) && name.equals("getConnection")
                            || owner.equals(Connection.class.getName())
                                    && Set.of("prepareStatement", "createStatement", "prepareCall")
                                            .contains(name);
                }
            };

    static final ArchRule NO_SQL_IN_BOUNDARIES = noClasses()
            .that()
            .resideInAPackage("org.openicr.*.boundary..")
            .should()
            .callMethodWhere(RUNS_SQL);

    @Test
    void boundariesRunNoSql() {
        JavaClasses boundaries = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> location.contains("/boundary/"))
                .importPackages("org.openicr");
        // A rule over no classes passes by itself: make sure the EJB module's boundaries were found.
        assertTrue(boundaries.containPackage("org.openicr.consent.boundary"), "the EJB module's boundaries");
        NO_SQL_IN_BOUNDARIES.check(boundaries);
    }

    @Test
    void aBoundaryWithSqlIsRefused() {
        JavaClasses fixture = new ClassFileImporter().importClasses(SqlInABoundary.class);
        assertThrows(AssertionError.class, () -> NO_SQL_IN_BOUNDARIES.check(fixture));
    }
}
