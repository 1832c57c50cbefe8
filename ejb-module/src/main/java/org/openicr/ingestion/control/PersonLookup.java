package org.openicr.ingestion.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.openicr.vocabulary.NhsNumber;

/** The person row as administrators' demographics pages look it up: its id, flag and shown name. */
@Dependent
public class PersonLookup {

    /** The person row holding an NHS Number, and whether it is restricted. */
    public record Found(long personId, boolean restricted) {}

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    /** The person row that holds the NHS Number (not its merge survivor), if any. */
    public Optional<Found> byNhsNumber(NhsNumber nhs) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select id, case when restricted then 1 else 0 end"
                        + " as restricted_flag from person where nhs_number = ?")) {
            ps.setString(1, nhs.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Found(rs.getLong("id"), rs.getLong("restricted_flag") == 1))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the person failed", e);
        }
    }

    /** The name the person shows (title, given names, family name), or "" when there is no such row. */
    public String shownName(long personId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select concat_ws(' ', title, given_names, family_name) as shown_name from person where id = ?")) {
            ps.setLong(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString("shown_name") : "";
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the person failed", e);
        }
    }
}
