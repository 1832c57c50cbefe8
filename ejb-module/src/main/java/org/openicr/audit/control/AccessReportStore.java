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
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What a subject access report reads, in SQL (a plain JDBC store on the application's data source,
 * so in the caller's transaction): the person of an NHS Number and every successful opening of
 * their record in a period, with the names of the user, role and organisation. Columns are read by
 * name.
 */
@Dependent
public class AccessReportStore {

    /** The person a report is about: their id and their name as the report prints it. */
    public record Subject(long personId, String name) {}

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    /** The person with this NHS Number, if they are on the shared record. */
    public Optional<Subject> subject(String nhsNumber) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select id, trim(coalesce(title || ' ', '') || given_names || ' ' || family_name) as name"
                                + " from person where nhs_number = ?")) {
            ps.setString(1, nhsNumber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Subject(rs.getLong("id"), rs.getString("name"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The person could not be read.", e);
        }
    }

    /** The successful openings of the person's record with {@code from <= occurred_at < until}, oldest first. */
    public List<AccessReportBuilder.Read> reads(long personId, Instant from, Instant until) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select e.occurred_at, e.username,"
                        + " u.display_name, e.rbac_role_code, r.name as role_name, e.organisation_ods,"
                        + " o.name as organisation_name, e.purpose_of_use, e.detail from audit_event e"
                        + " left join user_account u on u.username = e.username"
                        + " left join rbac_role r on r.code = e.rbac_role_code"
                        + " left join organisation o on o.ods_code = e.organisation_ods"
                        + " where e.person_id = ? and e.action = 'RECORD_VIEW' and e.outcome = 'SUCCESS'"
                        + " and e.occurred_at >= ? and e.occurred_at < ? order by e.occurred_at, e.id")) {
            ps.setLong(1, personId);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(until));
            List<AccessReportBuilder.Read> reads = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reads.add(new AccessReportBuilder.Read(
                            rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("username"),
                            rs.getString("display_name"),
                            rs.getString("rbac_role_code"),
                            rs.getString("role_name"),
                            rs.getString("organisation_ods"),
                            rs.getString("organisation_name"),
                            rs.getString("purpose_of_use"),
                            rs.getString("detail")));
                }
            }
            return reads;
        } catch (SQLException e) {
            throw new IllegalStateException("The openings of the record could not be read.", e);
        }
    }
}
