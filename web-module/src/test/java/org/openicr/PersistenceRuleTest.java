package org.openicr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openicr.persistencefixture.boundary.SqlInABoundary;
import org.openicr.persistencefixture.control.RowsByName;
import org.openicr.persistencefixture.control.RowsByPosition;
import org.openicr.platform.NativeRows;

/**
 * The persistence rule's "columns read by name" for native queries: a class that runs a native query
 * on a persistence context ({@code createNativeQuery}) never reads its rows itself (they would be
 * {@code Object[]}, read by position); it hands the query to {@link NativeRows}, which reads each
 * row by column name. And the persistence rule's "no SQL in boundaries" (issue 17, item 5; docs/architecture.md, "Persistence rule"): a boundary
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

    static final DescribedPredicate<JavaMethodCall> READS_QUERY_ROWS =
            new DescribedPredicate<>("read a query's rows itself (getResultList, getSingleResult, getResultStream)") {
                @Override
                public boolean test(JavaMethodCall call) {
                    String owner = call.getTargetOwner().getName();
                    return (owner.equals(Query.class.getName()) || owner.equals(TypedQuery.class.getName()))
                            && Set.of("getResultList", "getSingleResult", "getResultStream")
                                    .contains(call.getName());
                }
            };

    static final DescribedPredicate<JavaClass> RUNS_NATIVE_QUERIES =
            new DescribedPredicate<>("run native queries on a persistence context") {
                @Override
                public boolean test(JavaClass javaClass) {
                    return javaClass.getMethodCallsFromSelf().stream()
                            .anyMatch(call -> call.getTargetOwner().getName().equals(EntityManager.class.getName())
                                    && call.getName().equals("createNativeQuery"));
                }
            };

    static final ArchRule NATIVE_ROWS_READ_BY_NAME = noClasses()
            .that(RUNS_NATIVE_QUERIES)
            .should()
            .callMethodWhere(READS_QUERY_ROWS)
            .because("a native query's rows are Object[] read by position; NativeRows reads them by column name");

    @Test
    void nativeQueryRowsAreReadByName() {
        JavaClasses code = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openicr");
        // A rule over no classes passes by itself: make sure the stores with native queries were found.
        assertTrue(
                code.stream().anyMatch(RUNS_NATIVE_QUERIES::test), "the EJB module's stores that run native queries");
        NATIVE_ROWS_READ_BY_NAME.check(code);
    }

    @Test
    void nativeQueryRowsReadByPositionAreRefused() {
        JavaClasses fixture = new ClassFileImporter().importClasses(RowsByPosition.class, RowsByName.class);
        AssertionError refused = assertThrows(AssertionError.class, () -> NATIVE_ROWS_READ_BY_NAME.check(fixture));
        assertTrue(refused.getMessage().contains(RowsByPosition.class.getName()), refused::getMessage);
        assertFalse(refused.getMessage().contains(RowsByName.class.getName() + "."), refused::getMessage);
    }

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
