package org.openicr.ingestion.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import javax.sql.DataSource;
import org.openicr.patient.entity.Demographics;
import org.openicr.patient.entity.NhsNumber;
import org.openicr.platform.ErrorCode;
import org.openicr.platform.IcrException;

/**
 * The patient index as ingestion writes it: upserts keyed by NHS Number that are safe when several
 * messages about one person arrive at once (INSERT ... ON CONFLICT, one statement), and the
 * sources' local identifiers. A merged person's identifiers lead to the surviving person.
 */
@Dependent
public class PersonIndex {

    /** A person created or updated by a submission. */
    public record Upserted(long personId, boolean created) {}

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    public Upserted upsert(Demographics d, long sourceSystemId) {
        String sql = "insert into person (nhs_number, title, given_names, family_name, date_of_birth, date_of_death,"
                + " gender, address_lines, postcode, phone, gp_practice_ods, restricted, updated_by_source_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (nhs_number) do update set title = excluded.title, given_names = excluded.given_names,"
                + " family_name = excluded.family_name, date_of_birth = excluded.date_of_birth,"
                + " date_of_death = excluded.date_of_death, gender = excluded.gender,"
                + " address_lines = excluded.address_lines, postcode = excluded.postcode, phone = excluded.phone,"
                + " gp_practice_ods = excluded.gp_practice_ods, restricted = excluded.restricted,"
                + " updated_by_source_id = excluded.updated_by_source_id, updated_at = now(),"
                + " version = person.version + 1"
                + " returning coalesce(merged_into_id, id), (xmax = 0)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, d.nhsNumber().value());
            ps.setString(2, d.title());
            ps.setString(3, d.givenNames());
            ps.setString(4, d.familyName());
            ps.setDate(5, Date.valueOf(d.dateOfBirth()));
            if (d.dateOfDeath() == null) {
                ps.setNull(6, Types.DATE);
            } else {
                ps.setDate(6, Date.valueOf(d.dateOfDeath()));
            }
            ps.setString(7, d.gender().name());
            ps.setString(8, d.addressLines().isEmpty() ? null : String.join("\n", d.addressLines()));
            ps.setString(9, d.postcode());
            ps.setString(10, d.phone());
            ps.setString(11, d.gpPracticeOds());
            ps.setBoolean(12, d.restricted());
            ps.setLong(13, sourceSystemId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Upserted(rs.getLong(1), rs.getBoolean(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Person upsert failed", e);
        }
    }

    /** Records that the source knows this person by this local identifier (re-pointing an old link). */
    public void link(long sourceSystemId, String localIdentifier, long personId) {
        String sql = "insert into person_identifier (source_system_id, value, person_id) values (?, ?, ?)"
                + " on conflict (source_system_id, value) do update set person_id = excluded.person_id";
        update(sql, sourceSystemId, localIdentifier.strip(), personId);
    }

    /**
     * Merges the retired person into the surviving one: the retired person's items move (each
     * remembering where it came from) and the retired person points at the survivor, so that every
     * identifier of either leads to one record. Nothing is deleted, so the merge can be undone.
     * Answers the number of items moved.
     */
    public int merge(long survivingPersonId, long retiredPersonId, long sourceSystemId, long inboundMessageId) {
        if (survivingPersonId == retiredPersonId) {
            return 0;
        }
        int moved = update(
                "update record_item set original_person_id = coalesce(original_person_id, person_id), person_id = ?,"
                        + " updated_at = now() where person_id = ?",
                survivingPersonId,
                retiredPersonId);
        update(
                "update person set merged_into_id = ?, updated_at = now() where id = ?",
                survivingPersonId,
                retiredPersonId);
        update("update person set merged_into_id = ? where merged_into_id = ?", survivingPersonId, retiredPersonId);
        update(
                "insert into person_merge (surviving_person_id, retired_person_id, source_system_id, inbound_message_id,"
                        + " items_moved) values (?, ?, ?, ?, ?)",
                survivingPersonId,
                retiredPersonId,
                sourceSystemId,
                inboundMessageId,
                moved);
        return moved;
    }

    /**
     * Reverses a merge: the retired person stands alone again with the items the merge moved (and
     * those of people merged into it before), and people merged into it before point at it again.
     * Items the surviving person received after the merge stay with the survivor. Refused when the
     * merge is already reversed, is not the retired person's latest, or the survivor has since been
     * merged into someone else (that merge must be reversed first). Answers the items moved back.
     */
    public int unmerge(long mergeId, String reversedBy, String note) {
        try (Connection c = dataSource.getConnection()) {
            long surviving;
            long retired;
            try (PreparedStatement ps =
                    c.prepareStatement("select m.surviving_person_id, m.retired_person_id, m.reversed_at is not null,"
                            + " s.merged_into_id, r.merged_into_id,"
                            + " exists (select 1 from person_merge later where later.retired_person_id = m.retired_person_id"
                            + " and later.id > m.id and later.reversed_at is null)"
                            + " from person_merge m join person s on s.id = m.surviving_person_id"
                            + " join person r on r.id = m.retired_person_id where m.id = ? for update of m")) {
                ps.setLong(1, mergeId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IcrException(ErrorCode.NOT_FOUND, "No such merge.");
                    }
                    surviving = rs.getLong(1);
                    retired = rs.getLong(2);
                    if (rs.getBoolean(3)) {
                        throw new IcrException(ErrorCode.INVALID_INPUT, "This merge has already been reversed.");
                    }
                    if (rs.getObject(4) != null) {
                        throw new IcrException(
                                ErrorCode.INVALID_INPUT,
                                "The surviving record has since been merged into another one;"
                                        + " reverse that later merge first.");
                    }
                    if (rs.getBoolean(6) || rs.getLong(5) != surviving) {
                        throw new IcrException(
                                ErrorCode.INVALID_INPUT,
                                "The retired record has been merged again since; reverse the later merge" + " first.");
                    }
                }
            }
            // People merged into the retired person before this merge were re-pointed at the survivor.
            execute(
                    c,
                    "update person p set merged_into_id = ?, updated_at = now() where p.merged_into_id = ?"
                            + " and exists (select 1 from person_merge m where m.retired_person_id = p.id"
                            + " and m.surviving_person_id = ? and m.reversed_at is null and m.id < ?)",
                    retired,
                    surviving,
                    retired,
                    mergeId);
            int movedBack = execute(
                    c,
                    "update record_item set person_id = ?, original_person_id = nullif(original_person_id, ?),"
                            + " updated_at = now() where person_id = ? and (original_person_id = ?"
                            + " or original_person_id in (select id from person where merged_into_id = ?))",
                    retired,
                    retired,
                    surviving,
                    retired,
                    retired);
            execute(c, "update person set merged_into_id = null, updated_at = now() where id = ?", retired);
            execute(
                    c,
                    "update person_merge set reversed_at = now(), reversed_by = ?, reversal_note = ?,"
                            + " items_moved_back = ? where id = ?",
                    reversedBy,
                    note,
                    movedBack,
                    mergeId);
            return movedBack;
        } catch (SQLException e) {
            throw new IllegalStateException("Merge reversal failed", e);
        }
    }

    private static int execute(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        }
    }

    public Optional<Long> byNhsNumber(NhsNumber nhsNumber) {
        return single("select coalesce(merged_into_id, id) from person where nhs_number = ?", nhsNumber.value());
    }

    public Optional<Long> byLocalIdentifier(long sourceSystemId, String localIdentifier) {
        return single(
                "select coalesce(p.merged_into_id, p.id) from person_identifier i join person p on p.id = i.person_id"
                        + " where i.source_system_id = ? and i.value = ?",
                sourceSystemId,
                localIdentifier.strip());
    }

    private Optional<Long> single(String sql, Object... values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Person lookup failed", e);
        }
    }

    private int update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Person index update failed", e);
        }
    }
}
