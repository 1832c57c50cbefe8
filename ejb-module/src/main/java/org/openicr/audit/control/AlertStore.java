package org.openicr.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The privacy alerts in SQL (a plain JDBC store on the application's data source, so in the caller's
 * transaction): the queue newest first with the reason and justification the user gave, its count,
 * and the one review of an alert. Columns are read by name. The alerts themselves are raised by
 * {@link AccessPatternAlerts} and by the record's boundaries.
 */
@Dependent
public class AlertStore {

    /**
     * An alert as the queue shows it: who (with their display name and organisation's name), in
     * which role, when, the person by NHS Number and name; no clinical data.
     */
    public record Alert(
            long id,
            Instant raisedAt,
            String kind,
            String username,
            String userDisplayName,
            String rbacRoleCode,
            String organisationOds,
            String organisationName,
            Long personId,
            String nhsNumber,
            String personName,
            String reason,
            String justification,
            Instant reviewedAt,
            String reviewedBy,
            String reviewOutcome,
            String reviewNote,
            String detail) {}

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    /** A page of the queue (only the alerts not reviewed yet when {@code openOnly}), newest first. */
    public List<Alert> alerts(boolean openOnly, int first, int max) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select a.id, a.raised_at, a.kind, a.username,"
                        + " u.display_name, a.rbac_role_code, a.organisation_ods, o.name as organisation_name,"
                        + " a.person_id, p.nhs_number,"
                        + " trim(coalesce(p.title || ' ', '') || p.given_names || ' ' || upper(p.family_name))"
                        + " as person_name, d.reason,"
                        + " coalesce(s.justification, d.justification) as justification, a.reviewed_at,"
                        + " a.reviewed_by, a.review_outcome, a.review_note, a.detail from privacy_alert a"
                        + " left join user_account u on u.username = a.username"
                        + " left join organisation o on o.ods_code = a.organisation_ods"
                        + " left join person p on p.id = a.person_id"
                        + " left join reason_declaration d on d.id = a.reason_declaration_id"
                        + " left join seal_break s on s.id = a.seal_break_id"
                        + (openOnly ? " where a.reviewed_at is null" : "")
                        + " order by a.raised_at desc, a.id desc limit ? offset ?")) {
            ps.setInt(1, max);
            ps.setInt(2, first);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long personId = rs.getLong("person_id");
                    boolean noPerson = rs.wasNull();
                    Timestamp reviewedAt = rs.getTimestamp("reviewed_at");
                    alerts.add(new Alert(
                            rs.getLong("id"),
                            rs.getTimestamp("raised_at").toInstant(),
                            rs.getString("kind"),
                            rs.getString("username"),
                            rs.getString("display_name"),
                            rs.getString("rbac_role_code"),
                            rs.getString("organisation_ods"),
                            rs.getString("organisation_name"),
                            noPerson ? null : personId,
                            rs.getString("nhs_number"),
                            rs.getString("person_name"),
                            rs.getString("reason"),
                            rs.getString("justification"),
                            reviewedAt == null ? null : reviewedAt.toInstant(),
                            rs.getString("reviewed_by"),
                            rs.getString("review_outcome"),
                            rs.getString("review_note"),
                            rs.getString("detail")));
                }
            }
            return alerts;
        } catch (SQLException e) {
            throw new IllegalStateException("The privacy alerts could not be read.", e);
        }
    }

    /** How many alerts there are (only those not reviewed yet when {@code openOnly}). */
    public long count(boolean openOnly) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) as alerts from privacy_alert"
                        + (openOnly ? " where reviewed_at is null" : ""));
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong("alerts");
        } catch (SQLException e) {
            throw new IllegalStateException("The privacy alerts could not be counted.", e);
        }
    }

    /** Records the review of an alert not reviewed yet; answers whether there was one. */
    public boolean review(long alertId, String by, String outcome, String note) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "update privacy_alert set reviewed_at = now(),"
                                + " reviewed_by = ?, review_outcome = ?, review_note = ? where id = ? and reviewed_at is null")) {
            ps.setString(1, by);
            ps.setString(2, outcome);
            ps.setString(3, note);
            ps.setLong(4, alertId);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("The review could not be recorded.", e);
        }
    }
}
