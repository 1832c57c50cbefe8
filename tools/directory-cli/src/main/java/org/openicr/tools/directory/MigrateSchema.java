package org.openicr.tools.directory;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates or upgrades the schema from the versioned SQL in {@code db/} (packaged in the EJB module),
 * outside the server and as the owner role: the server's own account, the application role, may not
 * change the schema (db/V17). {@code ./icr run} and the integration-test build call it before the
 * server starts; an operator of an external PostgreSQL calls it for each upgrade
 * (docs/operations.md).
 *
 * <p>Environment: OPENICR_DB_URL; OPENICR_DB_OWNER_USER (default openicr) and
 * OPENICR_DB_OWNER_PASSWORD, the owner role's credentials; OPENICR_DB_USER, the application role the
 * grants are given to (default openicr_app).
 *
 * <p>{@code java -cp tools/directory-cli/target/directory-cli.jar org.openicr.tools.directory.MigrateSchema}
 */
public final class MigrateSchema {

    private MigrateSchema() {}

    public static void main(String[] args) {
        String owner = env("OPENICR_DB_OWNER_USER", "openicr");
        String appRole = env("OPENICR_DB_USER", "openicr_app");
        if (owner.equals(appRole)) {
            System.err.println("OPENICR_DB_USER (the application role) must not be the owner role " + owner
                    + ": the application's account must not own the schema (docs/operations.md).");
            System.exit(2);
        }
        if (!appRole.matches("[a-z_][a-z0-9_]*")) {
            System.err.println("The application role's name must be a plain lower-case identifier: " + appRole);
            System.exit(2);
        }
        Flyway flyway = Flyway.configure(MigrateSchema.class.getClassLoader())
                .dataSource(required("OPENICR_DB_URL"), owner, required("OPENICR_DB_OWNER_PASSWORD"))
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", appRole))
                .load();
        MigrateResult result = flyway.migrate();
        // targetSchemaVersion is null when nothing was applied: say the version the schema is at.
        System.out.println(
                "Schema at version " + flyway.info().current().getVersion() + " (" + result.migrationsExecuted
                        + " migrations applied now, as " + owner + "; application role " + appRole + ").");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set.");
        }
        return value;
    }
}
