package org.openicr.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Checks, before anything else runs, that the server may use the database it was given. The schema
 * is created and upgraded only by the versioned SQL in {@code db/}, applied outside the server by the
 * owner role (tools/directory-cli MigrateSchema, which {@code ./icr run} and the test build call):
 * the server connects as the application role, which may not change the schema. So here the server
 * only checks, and refuses to start with a message in the log when
 *
 * <ul>
 *   <li>it is connected as a superuser or as the owner of the audit trail (the account that could
 *       switch off the append-only triggers and rewrite the hash chain), or
 *   <li>the schema is not at the version of the migrations it was built with (pending, missing or
 *       changed migrations).
 * </ul>
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaCheck {

    private static final Logger LOG = Logger.getLogger(SchemaCheck.class.getName());

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    @PostConstruct
    void check() {
        String user = refuseOwnerOrSuperuser();
        ValidateResult result = Flyway.configure(SchemaCheck.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", user))
                .load()
                .validateWithResult();
        if (!result.validationSuccessful) {
            String problem = "The database schema is not at the version this build expects: "
                    + result.getAllErrorMessages()
                    + ". Apply the migrations as the owner role first (docs/operations.md, \"Upgrading\").";
            LOG.severe(problem);
            throw new IllegalStateException(problem);
        }
        LOG.info(() -> "Schema checked: " + result.validateCount
                + " migrations applied and unchanged; connected as the application role " + user);
    }

    private String refuseOwnerOrSuperuser() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select current_user as user_name, r.rolsuper,"
                        + " (select t.tableowner from pg_tables t where t.schemaname = current_schema()"
                        + " and t.tablename = 'audit_event') as audit_owner"
                        + " from pg_roles r where r.rolname = current_user");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            String user = rs.getString("user_name");
            boolean superuser = rs.getBoolean("rolsuper");
            String auditOwner = rs.getString("audit_owner");
            if (superuser || user.equals(auditOwner)) {
                String problem = "OpenICR refuses to run connected to the database as " + user
                        + (superuser ? ", a superuser" : ", the owner of the audit trail")
                        + ": that account could switch off the audit trail's protection. Set OPENICR_DB_USER"
                        + " to the application role (docs/operations.md, \"Database roles\").";
                LOG.severe(problem);
                throw new IllegalStateException(problem);
            }
            return user;
        } catch (SQLException e) {
            throw new IllegalStateException("Checking the database account failed", e);
        }
    }
}
