package org.openicr.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.openicr.audit.entity.AuditCriteria;

/**
 * The privacy officer's search of the audit trail in SQL (a plain JDBC store on the application's
 * data source, so in the caller's transaction): the count of the events matching the criteria, a
 * page of them newest first, and the keyset chunks of an export. Columns are read by name.
 */
@Dependent
public class AuditEventSearch {

    /** One event as the search lists it: who, when, what, a person reference; no clinical data. */
    public record Row(
            long id,
            Instant occurredAt,
            String action,
            String outcome,
            String username,
            String rbacRoleCode,
            String organisationOds,
            Long personId,
            String nhsNumber,
            String purposeOfUse,
            String detail) {}

    private static final String COLUMNS = "select e.id, e.occurred_at, e.action, e.outcome, e.username,"
            + " e.rbac_role_code, e.organisation_ods, e.person_id, p.nhs_number, e.purpose_of_use, e.detail"
            + " from audit_event e left join person p on p.id = e.person_id";

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    /** How many events match. */
    public long count(AuditCriteria criteria) {
        List<Object> values = new ArrayList<>();
        String where = criteria.where(values);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) as events from audit_event e" + where)) {
            bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong("events");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The audit trail could not be searched.", e);
        }
    }

    /** One page of a search, newest first (at most 500 rows). */
    public List<Row> page(AuditCriteria criteria, int first, int max) {
        List<Object> values = new ArrayList<>();
        String where = criteria.where(values);
        values.add(Math.min(max, 500));
        values.add(first);
        return rows(COLUMNS + where + " order by e.id desc limit ? offset ?", values);
    }

    /** The next chunk of an export, newest first: the events older than {@code beforeId} (null for the first). */
    public List<Row> chunk(AuditCriteria criteria, Long beforeId, int max) {
        List<Object> values = new ArrayList<>();
        String where = criteria.where(values);
        if (beforeId != null) {
            where += " and e.id < ?";
            values.add(beforeId);
        }
        values.add(Math.min(max, 5000));
        return rows(COLUMNS + where + " order by e.id desc limit ?", values);
    }

    private List<Row> rows(String sql, List<Object> values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long personId = rs.getLong("person_id");
                    boolean noPerson = rs.wasNull();
                    rows.add(new Row(
                            rs.getLong("id"),
                            rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("action"),
                            rs.getString("outcome"),
                            rs.getString("username"),
                            rs.getString("rbac_role_code"),
                            rs.getString("organisation_ods"),
                            noPerson ? null : personId,
                            rs.getString("nhs_number"),
                            rs.getString("purpose_of_use"),
                            rs.getString("detail")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("The audit trail could not be searched.", e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
    }
}
