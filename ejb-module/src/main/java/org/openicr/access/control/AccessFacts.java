package org.openicr.access.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.openicr.access.entity.AccessProfile;
import org.openicr.access.entity.ExplicitConsent;
import org.openicr.access.entity.ItemFacts;
import org.openicr.access.entity.OrganisationFacts;
import org.openicr.access.entity.PersonAccessFacts;
import org.openicr.access.entity.ReasonDeclaration;
import org.openicr.access.entity.RoleCategoryMatrix;
import org.openicr.access.entity.SealBreak;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.LegitimateReason;
import org.openicr.vocabulary.Sensitivity;
import org.openicr.vocabulary.SharingMode;

/**
 * Reads, in a few small queries, everything the access decision needs about a reader and a person:
 * the reader's role profile, their role's row of the matrix, the person's opt-out, restriction and
 * consent refusals, the inactive organisations, and the latest reason the reader declared.
 */
@Dependent
public class AccessFacts {

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    public AccessProfile profile(long roleProfileId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select p.rbac_role_code, o.id, o.ods_code, o.active,"
                        + " o.sharing_mode, p.safeguarding_designated, p.may_break_seal from role_profile p"
                        + " join organisation o on o.id = p.organisation_id where p.id = ?")) {
            ps.setLong(1, roleProfileId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new AccessProfile(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        SharingMode.valueOf(rs.getString(5)),
                        rs.getBoolean(6),
                        rs.getBoolean(7));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Role profile lookup failed", e);
        }
    }

    /** The matrix row of one role (the decision needs no other). */
    public RoleCategoryMatrix matrixFor(String roleCode) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select category from role_category where rbac_role_code = ?")) {
            ps.setString(1, roleCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    categories.add(Category.valueOf(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Matrix lookup failed", e);
        }
        return new RoleCategoryMatrix(Map.of(roleCode, categories));
    }

    public PersonAccessFacts person(long personId) {
        try (Connection c = dataSource.getConnection()) {
            boolean optedOut;
            boolean restricted;
            try (PreparedStatement ps = c.prepareStatement("select opted_out, restricted from person where id = ?")) {
                ps.setLong(1, personId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    optedOut = rs.getBoolean(1);
                    restricted = rs.getBoolean(2);
                }
            }
            Set<Long> refusing = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select council_organisation_id from social_care_consent_refusal where person_id = ?")) {
                ps.setLong(1, personId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refusing.add(rs.getLong(1));
                    }
                }
            }
            return new PersonAccessFacts(optedOut, restricted, refusing);
        } catch (SQLException e) {
            throw new IllegalStateException("Person facts lookup failed", e);
        }
    }

    public OrganisationFacts organisations() {
        Set<Long> inactive = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select id from organisation where not active");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                inactive.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Organisation facts lookup failed", e);
        }
        return new OrganisationFacts(inactive);
    }

    /** The reader's latest declaration for this person in this role profile, with its id. */
    public Optional<Declared> latestDeclaration(long roleProfileId, long personId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select id, reason, justification, declared_at,"
                        + " explicit_consent from reason_declaration where role_profile_id = ? and person_id = ?"
                        + " order by declared_at desc, id desc limit 1")) {
            ps.setLong(1, roleProfileId);
            ps.setLong(2, personId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Declared(
                        rs.getLong(1),
                        new ReasonDeclaration(
                                LegitimateReason.valueOf(rs.getString(2)),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant(),
                                ExplicitConsent.valueOf(rs.getString(5)))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reason lookup failed", e);
        }
    }

    /**
     * The seals this reader broke on this person's items in this role profile within the last day
     * (the decision keeps those still within the override period).
     */
    public List<SealBreak> sealBreaks(long roleProfileId, long personId) {
        List<SealBreak> breaks = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select record_item_id, justification, broken_at"
                        + " from seal_break where role_profile_id = ? and person_id = ?"
                        + " and broken_at > now() - interval '1 day'")) {
            ps.setLong(1, roleProfileId);
            ps.setLong(2, personId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    breaks.add(new SealBreak(
                            rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Seal break lookup failed", e);
        }
        return breaks;
    }

    /** One item's access facts, if it belongs to the person and is not withdrawn. */
    public Optional<ItemFacts> item(long personId, long itemId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select category, organisation_id, sensitivity"
                        + " from record_item where id = ? and person_id = ? and withdrawn_at is null")) {
            ps.setLong(1, itemId);
            ps.setLong(2, personId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ItemFacts(
                        itemId,
                        Category.valueOf(rs.getString(1)),
                        rs.getLong(2),
                        Sensitivity.valueOf(rs.getString(3))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item facts lookup failed", e);
        }
    }

    /** A stored declaration. */
    public record Declared(long id, ReasonDeclaration declaration) {}
}
