package org.openicr.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import javax.sql.DataSource;
import org.openicr.audit.entity.AuditEvent;

/**
 * Writes audit events. {@link #record} joins the caller's transaction, so the event commits or
 * rolls back with the action it describes; {@link #recordIndependently} commits on its own, for
 * denials and failures whose action is about to be rolled back. The row is inserted at once (not
 * at the end of the transaction), so the time it takes is measured where it is spent ({@link AuditCost}).
 */
@Stateless
public class AuditTrail {

    /** The columns an event is written to, in the order {@link #bind} binds them. */
    public static final String COLUMNS = "(occurred_at, action, outcome, username, rbac_role_code,"
            + " organisation_ods, person_id, purpose_of_use, detail)";

    public static final String VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String INSERT = "insert into audit_event " + COLUMNS + " values " + VALUES;

    /** Plain JDBC on the application's data source: enlisted in the caller's transaction, no JPA overhead. */
    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry registry;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(AuditEvent event) {
        insert(event);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordIndependently(AuditEvent event) {
        insert(event);
    }

    private void insert(AuditEvent event) {
        long start = System.nanoTime();
        AuditCost.countCommit(registry);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, 1, event);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new EJBException("The audit event could not be written.", e);
        } finally {
            AuditCost.add(System.nanoTime() - start);
        }
    }

    /**
     * Binds an event's nine values from parameter {@code first} on, in the order of {@link #COLUMNS}
     * (also for statements that write an event together with what it records, as ingestion does).
     */
    public static void bind(PreparedStatement ps, int first, AuditEvent event) throws SQLException {
        ps.setTimestamp(first, Timestamp.from(event.getOccurredAt()));
        ps.setString(first + 1, event.getAction().name());
        ps.setString(first + 2, event.getOutcome().name());
        ps.setString(first + 3, event.getUsername());
        ps.setString(first + 4, event.getRbacRoleCode());
        ps.setString(first + 5, event.getOrganisationOds());
        ps.setObject(first + 6, event.getPersonId(), Types.BIGINT);
        ps.setString(first + 7, event.getPurposeOfUse());
        ps.setString(first + 8, event.getDetail());
    }
}
