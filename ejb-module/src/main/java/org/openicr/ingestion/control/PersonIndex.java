package org.openicr.ingestion.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.openicr.audit.entity.PrivacyAlert;
import org.openicr.patient.entity.Demographics;
import org.openicr.patient.entity.DemographicsPrecedence;
import org.openicr.patient.entity.Gender;
import org.openicr.patient.entity.RestrictionRule;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.NhsNumber;

/**
 * The patient index as ingestion writes it: upserts keyed by NHS Number that are safe when several
 * messages about one person arrive at once (INSERT ... ON CONFLICT, one statement), and the
 * sources' local identifiers. A merged person's identifiers lead to the surviving person.
 */
@Dependent
public class PersonIndex {

    /**
     * What a source's demographics did: the person they lead to ({@code personId}, a merged person's
     * survivor), the person row that holds the NHS Number ({@code ownPersonId}), whether it was
     * created, whether the source's version was applied (false: older than the version the source
     * had already sent, so kept in the inbox and changing nothing), and what became of the
     * restricted flag.
     */
    public record Upserted(
            long personId, long ownPersonId, boolean created, boolean applied, RestrictionRule.Change restriction) {}

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    /**
     * Keeps the source's own version of the person (when it is not older than the one it sent before,
     * by {@code asOf}: the source's lastUpdated or HL7 MSH-7, else the time received), then shows the
     * person from every source's version by {@link DemographicsPrecedence}, with the restricted flag
     * decided by {@link RestrictionRule}. The person's row is locked for the whole change, so two
     * sources' messages about one person are applied one after the other.
     */
    public Upserted upsert(Demographics d, Instant asOf, long sourceSystemId, Long inboundMessageId) {
        try (Connection c = dataSource.getConnection()) {
            long ownId;
            long personId;
            boolean current;
            boolean created;
            try (PreparedStatement ps = c.prepareStatement("insert into person (nhs_number, title, given_names,"
                    + " family_name, date_of_birth, date_of_death, gender, address_lines, postcode, phone,"
                    + " gp_practice_ods, restricted, updated_by_source_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " false, ?) on conflict (nhs_number) do nothing returning id")) {
                ps.setString(1, d.nhsNumber().value());
                int i = bindShown(ps, 2, d);
                ps.setLong(i, sourceSystemId);
                try (ResultSet rs = ps.executeQuery()) {
                    created = rs.next();
                    ownId = created ? rs.getLong("id") : 0;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select id, coalesce(merged_into_id, id) as person_id,"
                    + " restricted from person where nhs_number = ? for update")) {
                ps.setString(1, d.nhsNumber().value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    ownId = rs.getLong("id");
                    personId = rs.getLong("person_id");
                    current = rs.getBoolean("restricted");
                }
            }
            if (!created) {
                // A person written before demographics were kept per source (or bulk-loaded by the
                // region generator) keeps what it shows as the version of the source that wrote it.
                try (PreparedStatement ps = c.prepareStatement(ADOPT_SHOWN)) {
                    ps.setLong(1, ownId);
                    ps.executeUpdate();
                }
            }
            boolean applied;
            try (PreparedStatement ps = c.prepareStatement("insert into person_demographics (person_id,"
                    + " source_system_id, title, given_names, family_name, date_of_birth, date_of_death, gender,"
                    + " address_lines, postcode, phone, gp_practice_ods, restricted, source_updated_at,"
                    + " inbound_message_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (person_id, source_system_id) do update set title = excluded.title,"
                    + " given_names = excluded.given_names, family_name = excluded.family_name,"
                    + " date_of_birth = excluded.date_of_birth, date_of_death = excluded.date_of_death,"
                    + " gender = excluded.gender, address_lines = excluded.address_lines,"
                    + " postcode = excluded.postcode, phone = excluded.phone,"
                    + " gp_practice_ods = excluded.gp_practice_ods,"
                    + " restricted = coalesce(excluded.restricted, person_demographics.restricted),"
                    + " source_updated_at = excluded.source_updated_at, received_at = now(),"
                    + " inbound_message_id = excluded.inbound_message_id"
                    + " where person_demographics.source_updated_at <= excluded.source_updated_at returning 1")) {
                ps.setLong(1, ownId);
                ps.setLong(2, sourceSystemId);
                int i = bindShown(ps, 3, d);
                ps.setObject(i, d.restricted(), Types.BOOLEAN);
                ps.setTimestamp(i + 1, Timestamp.from(asOf));
                ps.setObject(i + 2, inboundMessageId, Types.BIGINT);
                try (ResultSet rs = ps.executeQuery()) {
                    applied = rs.next();
                }
            }
            if (!applied) {
                return new Upserted(personId, ownId, created, false, RestrictionRule.Change.UNCHANGED);
            }
            DemographicsPrecedence.Shown shown = DemographicsPrecedence.shown(versions(c, ownId, d.nhsNumber()));
            RestrictionRule.Decision restriction =
                    RestrictionRule.decide(current, d.restricted(), authoritative(c, sourceSystemId));
            try (PreparedStatement ps = c.prepareStatement("update person set title = ?, given_names = ?,"
                    + " family_name = ?, date_of_birth = ?, date_of_death = ?, gender = ?, address_lines = ?,"
                    + " postcode = ?, phone = ?, gp_practice_ods = ?, restricted = ?, updated_by_source_id = ?,"
                    + " updated_at = now(), version = version + 1 where id = ?")) {
                int i = bindShown(ps, 1, shown.demographics());
                ps.setBoolean(i, restriction.restricted());
                ps.setLong(i + 1, shown.suppliedBy().get(DemographicsPrecedence.Field.NAME));
                ps.setLong(i + 2, ownId);
                ps.executeUpdate();
            }
            return new Upserted(personId, ownId, created, true, restriction.change());
        } catch (SQLException e) {
            throw new IllegalStateException("Person upsert failed", e);
        }
    }

    static final String ADOPT_SHOWN = "insert into person_demographics (person_id, source_system_id, title,"
            + " given_names, family_name, date_of_birth, date_of_death, gender, address_lines, postcode, phone,"
            + " gp_practice_ods, restricted, source_updated_at, received_at) select p.id, p.updated_by_source_id,"
            + " p.title, p.given_names, p.family_name, p.date_of_birth, p.date_of_death, p.gender, p.address_lines,"
            + " p.postcode, p.phone, p.gp_practice_ods, p.restricted, p.updated_at, p.updated_at from person p"
            + " where p.id = ? and p.updated_by_source_id is not null"
            + " and not exists (select 1 from person_demographics d where d.person_id = p.id)";

    /** Every source's version of the person, with what the precedence needs to know of the source. */
    public List<DemographicsPrecedence.SourceVersion> versions(long personId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select nhs_number from person where id = ?")) {
            ps.setLong(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return List.of();
                }
                return versions(c, personId, NhsNumber.of(rs.getString("nhs_number")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the sources' demographics failed", e);
        }
    }

    private static List<DemographicsPrecedence.SourceVersion> versions(Connection c, long personId, NhsNumber nhs)
            throws SQLException {
        List<DemographicsPrecedence.SourceVersion> versions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select d.source_system_id, s.code, o.ods_code,"
                + " o.org_type = 'GP_PRACTICE' as gp_practice, s.authoritative_demographics, d.source_updated_at, d.received_at,"
                + " d.title, d.given_names, d.family_name, d.date_of_birth, d.date_of_death, d.gender,"
                + " d.address_lines, d.postcode, d.phone, d.gp_practice_ods, d.restricted"
                + " from person_demographics d join source_system s on s.id = d.source_system_id"
                + " join organisation o on o.id = s.organisation_id where d.person_id = ?")) {
            ps.setLong(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String lines = rs.getString("address_lines");
                    Date death = rs.getDate("date_of_death");
                    Demographics d = new Demographics(
                            nhs,
                            rs.getString("title"),
                            rs.getString("given_names"),
                            rs.getString("family_name"),
                            rs.getDate("date_of_birth").toLocalDate(),
                            death == null ? null : death.toLocalDate(),
                            Gender.valueOf(rs.getString("gender")),
                            lines == null || lines.isEmpty() ? List.of() : List.of(lines.split("\n")),
                            rs.getString("postcode"),
                            rs.getString("phone"),
                            rs.getString("gp_practice_ods"),
                            (Boolean) rs.getObject("restricted"));
                    versions.add(new DemographicsPrecedence.SourceVersion(
                            rs.getLong("source_system_id"),
                            rs.getString("code"),
                            rs.getString("ods_code"),
                            rs.getBoolean("gp_practice"),
                            rs.getBoolean("authoritative_demographics"),
                            rs.getTimestamp("source_updated_at").toInstant(),
                            rs.getTimestamp("received_at").toInstant(),
                            d));
                }
            }
        }
        return versions;
    }

    private static boolean authoritative(Connection c, long sourceSystemId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("select authoritative_demographics from source_system where id = ?")) {
            ps.setLong(1, sourceSystemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean("authoritative_demographics");
            }
        }
    }

    /** Binds title to GP practice (10 values, no NHS Number) from {@code first}; answers the next index. */
    private static int bindShown(PreparedStatement ps, int first, Demographics d) throws SQLException {
        int i = first;
        ps.setString(i++, d.title());
        ps.setString(i++, d.givenNames());
        ps.setString(i++, d.familyName());
        ps.setDate(i++, Date.valueOf(d.dateOfBirth()));
        if (d.dateOfDeath() == null) {
            ps.setNull(i++, Types.DATE);
        } else {
            ps.setDate(i++, Date.valueOf(d.dateOfDeath()));
        }
        ps.setString(i++, d.gender().name());
        ps.setString(i++, d.addressLines().isEmpty() ? null : String.join("\n", d.addressLines()));
        ps.setString(i++, d.postcode());
        ps.setString(i++, d.phone());
        ps.setString(i++, d.gpPracticeOds());
        return i;
    }

    /**
     * May this source merge these two records? Only a source marked authoritative for the patient
     * index, or one that holds a local identifier or items for both people (a person merged into
     * one of them counts as that one).
     */
    public boolean mayMerge(long sourceSystemId, long survivingPersonId, long retiredPersonId) {
        String holds = "(exists (select 1 from person_identifier i join person p on p.id = i.person_id"
                + " where i.source_system_id = ? and coalesce(p.merged_into_id, p.id) = ?)"
                + " or exists (select 1 from record_item r where r.person_id = ? and r.source_system_id = ?))";
        return single(
                        "select 1 as found from source_system s where s.id = ? and (s.authoritative_patient_index or ("
                                + holds + " and " + holds + "))",
                        sourceSystemId,
                        sourceSystemId,
                        survivingPersonId,
                        survivingPersonId,
                        sourceSystemId,
                        sourceSystemId,
                        retiredPersonId,
                        retiredPersonId,
                        sourceSystemId)
                .isPresent();
    }

    /** Whether the source is marked authoritative for the patient index (may merge and relabel anyone). */
    public boolean authoritativeForIndex(long sourceSystemId) {
        return single(
                        "select 1 as found from source_system where id = ? and authoritative_patient_index",
                        sourceSystemId)
                .isPresent();
    }

    /**
     * Relabels the source's own local identifier (ADT^A47): the row that was {@code previous} becomes
     * {@code current}, for the same person. Another source's identifiers are never touched. Answers
     * whether a row changed.
     */
    public boolean relabel(long sourceSystemId, String previous, String current) {
        return update(
                        "update person_identifier set value = ? where source_system_id = ? and value = ?",
                        current.strip(),
                        sourceSystemId,
                        previous.strip())
                == 1;
    }

    /** A source's item (its key unique per source): the item and the person it is filed under. */
    public record SourceItem(long itemId, long personId) {}

    public Optional<SourceItem> sourceItem(long sourceSystemId, String sourceKey) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select id, person_id from record_item"
                        + " where source_system_id = ? and source_key = ? for update")) {
            ps.setLong(1, sourceSystemId);
            ps.setString(2, sourceKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new SourceItem(rs.getLong("id"), rs.getLong("person_id")))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item lookup failed", e);
        }
    }

    /**
     * Moves one of the source's items to another person (ADT^A45). The merge's memory of where an
     * item came from ({@code original_person_id}) is left as it is, so that undoing a merge never
     * moves a visit the source has since moved on purpose. Answers the items moved (0 or 1).
     */
    public int moveItem(long sourceSystemId, long itemId, long toPersonId) {
        return update(
                "update record_item set person_id = ?, updated_at = now() where id = ? and source_system_id = ?",
                toPersonId,
                itemId,
                sourceSystemId);
    }

    /** A privacy officer alert: an authoritative source cleared a person's restriction (no patient data). */
    public void restrictionClearedAlert(String sourceAccount, String organisationOds, long personId, String detail) {
        update(
                "insert into privacy_alert (kind, username, organisation_ods, person_id, detail) values (?, ?, ?, ?, ?)",
                PrivacyAlert.RESTRICTION_CLEARED.name(),
                sourceAccount,
                organisationOds,
                personId,
                detail);
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
            try (PreparedStatement ps = c.prepareStatement("select m.surviving_person_id, m.retired_person_id,"
                    + " m.reversed_at is not null as reversed, s.merged_into_id as surviving_merged_into,"
                    + " r.merged_into_id as retired_merged_into,"
                    + " exists (select 1 from person_merge later where later.retired_person_id = m.retired_person_id"
                    + " and later.id > m.id and later.reversed_at is null) as merged_again"
                    + " from person_merge m join person s on s.id = m.surviving_person_id"
                    + " join person r on r.id = m.retired_person_id where m.id = ? for update of m")) {
                ps.setLong(1, mergeId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IcrException(ErrorCode.NOT_FOUND, "No such merge.");
                    }
                    surviving = rs.getLong("surviving_person_id");
                    retired = rs.getLong("retired_person_id");
                    if (rs.getBoolean("reversed")) {
                        throw new IcrException(ErrorCode.INVALID_INPUT, "This merge has already been reversed.");
                    }
                    if (rs.getObject("surviving_merged_into") != null) {
                        throw new IcrException(
                                ErrorCode.INVALID_INPUT,
                                "The surviving record has since been merged into another one;"
                                        + " reverse that later merge first.");
                    }
                    if (rs.getBoolean("merged_again") || rs.getLong("retired_merged_into") != surviving) {
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
        return single(
                "select coalesce(merged_into_id, id) as found from person where nhs_number = ?", nhsNumber.value());
    }

    public Optional<Long> byLocalIdentifier(long sourceSystemId, String localIdentifier) {
        return single(
                "select coalesce(p.merged_into_id, p.id) as found from person_identifier i join person p on p.id = i.person_id"
                        + " where i.source_system_id = ? and i.value = ?",
                sourceSystemId,
                localIdentifier.strip());
    }

    /** The column {@code found} of the statement's first row, if any. */
    private Optional<Long> single(String sql, Object... values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong("found")) : Optional.empty();
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
