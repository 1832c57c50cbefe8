package org.openicr.access.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.openicr.access.entity.AccessProfile;
import org.openicr.access.entity.ExplicitConsent;
import org.openicr.access.entity.OrganisationFacts;
import org.openicr.access.entity.PersonAccessFacts;
import org.openicr.access.entity.PersonDetails;
import org.openicr.access.entity.ReasonDeclaration;
import org.openicr.access.entity.RecordFacts;
import org.openicr.access.entity.RelationshipCandidate;
import org.openicr.access.entity.RelationshipFacts;
import org.openicr.access.entity.RelationshipKind;
import org.openicr.access.entity.RelationshipRule;
import org.openicr.access.entity.RoleCategoryMatrix;
import org.openicr.access.entity.RoleReasons;
import org.openicr.access.entity.SealBreak;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.LegitimateReason;
import org.openicr.vocabulary.SharingMode;

/**
 * Reads everything the access decision needs about a reader and a person: for a record, in one
 * statement ({@link #reading}); for the patient search, the profile, the matrix row and the latest
 * declaration. Columns are read by name.
 */
@Dependent
public class AccessFacts {

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    /**
     * Everything the record decision needs about a reader and a person, in one statement: the role
     * profile with its account and organisation, the person's opt-out, restriction and refused
     * social care consents, the person's details the record's banner shows (with the GP practice's
     * name), the role's row of the matrix and its reasons, the inactive organisations, the latest
     * declared reason and the seal breaks of the last day. A missing profile or person answers
     * empty for it (the row is always there).
     */
    public RecordFacts reading(long roleProfileId, long personId) {
        return read(roleProfileId, personId);
    }

    /**
     * The role profile's facts alone, by the same statement with no person (the patient search's
     * reading: whether the caller may act in the profile, what the decision needs of it, its matrix
     * row). Its {@code person()} is empty.
     */
    public RecordFacts profileReading(long roleProfileId) {
        return read(roleProfileId, null);
    }

    private RecordFacts read(long roleProfileId, Long personId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(READING)) {
            ps.setLong(1, roleProfileId);
            ps.setObject(2, personId, java.sql.Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Optional<RecordFacts.ProfileFacts> profile = Optional.empty();
                RoleCategoryMatrix matrix = new RoleCategoryMatrix(Map.of());
                RoleReasons reasons = new RoleReasons(Map.of());
                if (rs.getBoolean("profile_found")) {
                    AccessProfile access = accessProfile(rs);
                    Timestamp lockedAt = rs.getTimestamp("account_locked_at");
                    profile = Optional.of(new RecordFacts.ProfileFacts(
                            roleProfileId,
                            rs.getLong("account_id"),
                            rs.getString("username"),
                            rs.getBoolean("account_enabled"),
                            lockedAt == null ? null : lockedAt.toInstant(),
                            rs.getBoolean("profile_active"),
                            access,
                            (Integer) rs.getObject("assurance_level", Integer.class)));
                    Set<Category> categories = EnumSet.noneOf(Category.class);
                    for (String category : (String[]) rs.getArray("categories").getArray()) {
                        categories.add(Category.valueOf(category));
                    }
                    matrix = new RoleCategoryMatrix(Map.of(access.roleCode(), categories));
                    Set<LegitimateReason> given = EnumSet.noneOf(LegitimateReason.class);
                    for (String reason : (String[]) rs.getArray("reasons").getArray()) {
                        given.add(LegitimateReason.valueOf(reason));
                    }
                    reasons = new RoleReasons(Map.of(access.roleCode(), given));
                }
                Optional<PersonAccessFacts> person = Optional.empty();
                Optional<PersonDetails> details = Optional.empty();
                if (rs.getBoolean("person_found")) {
                    person = Optional.of(new PersonAccessFacts(
                            rs.getBoolean("opted_out"), rs.getBoolean("restricted"), Set.of((Long[])
                                    rs.getArray("refusing_councils").getArray())));
                    details = Optional.of(details(rs));
                }
                Optional<RecordFacts.Declared> declared = Optional.empty();
                long declarationId = rs.getLong("declaration_id");
                if (!rs.wasNull()) {
                    declared = Optional.of(new RecordFacts.Declared(declarationId, declaration(rs)));
                }
                List<SealBreak> breaks = new ArrayList<>();
                Array brokenItems = rs.getArray("seal_break_items");
                if (brokenItems != null) {
                    Long[] items = (Long[]) brokenItems.getArray();
                    String[] justifications =
                            (String[]) rs.getArray("seal_break_justifications").getArray();
                    Timestamp[] brokenAt =
                            (Timestamp[]) rs.getArray("seal_break_times").getArray();
                    for (int n = 0; n < items.length; n++) {
                        breaks.add(new SealBreak(items[n], justifications[n], brokenAt[n].toInstant()));
                    }
                }
                OrganisationFacts organisations = new OrganisationFacts(
                        Set.of((Long[]) rs.getArray("inactive_organisations").getArray()));
                return new RecordFacts(profile, person, details, matrix, reasons, declared, breaks, organisations);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Access facts lookup failed", e);
        }
    }

    /**
     * The facts query: one row whatever exists. Its parameters are the role profile's id and the
     * person's id; every subquery reads them from {@code k}. Public for the load driver's raw
     * PostgreSQL figures (tools/load-driver RawSql), which run this very statement.
     */
    public static final String READING = "select"
            + " p.id is not null as profile_found, a.id as account_id, a.username, a.enabled as account_enabled,"
            + " a.locked_at as account_locked_at, a.assurance_level, p.active as profile_active, p.rbac_role_code,"
            + " o.id as organisation_id, o.ods_code, o.active as organisation_active, o.sharing_mode,"
            + " p.safeguarding_designated, p.may_break_seal,"
            + " array(select rc.category from role_category rc where rc.rbac_role_code = p.rbac_role_code)"
            + " as categories,"
            + " array(select rr.reason from role_reason rr where rr.rbac_role_code = p.rbac_role_code)"
            + " as reasons,"
            + " pe.id is not null as person_found, pe.opted_out, pe.restricted,"
            + " pe.id as person_id, pe.nhs_number, pe.title, pe.given_names, pe.family_name, pe.date_of_birth, pe.date_of_death,"
            + " pe.gender, pe.address_lines, pe.postcode, pe.phone, pe.gp_practice_ods,"
            + " gp.name as gp_practice_name,"
            + " array(select r.council_organisation_id from social_care_consent_refusal r"
            + " where r.person_id = k.person_id) as refusing_councils,"
            + " array(select io.id from organisation io where not io.active) as inactive_organisations,"
            + " d.id as declaration_id, d.reason, d.justification, d.declared_at, d.explicit_consent,"
            + " s.items as seal_break_items, s.justifications as seal_break_justifications,"
            + " s.times as seal_break_times"
            + " from (select ?::bigint as profile_id, ?::bigint as person_id) k"
            + " left join role_profile p on p.id = k.profile_id"
            + " left join user_account a on a.id = p.user_account_id"
            + " left join organisation o on o.id = p.organisation_id"
            + " left join person pe on pe.id = k.person_id"
            + " left join organisation gp on gp.ods_code = pe.gp_practice_ods"
            + " left join lateral (select rd.id, rd.reason, rd.justification, rd.declared_at, rd.explicit_consent"
            + " from reason_declaration rd where rd.role_profile_id = k.profile_id and rd.person_id = k.person_id"
            + " order by rd.declared_at desc, rd.id desc limit 1) d on true"
            + " left join lateral (select array_agg(sb.record_item_id order by sb.id) as items,"
            + " array_agg(sb.justification order by sb.id) as justifications,"
            + " array_agg(sb.broken_at order by sb.id) as times from seal_break sb"
            + " where sb.role_profile_id = k.profile_id and sb.person_id = k.person_id"
            + " and sb.broken_at > now() - interval '1 day') s on true";

    private static AccessProfile accessProfile(ResultSet rs) throws SQLException {
        return new AccessProfile(
                rs.getString("rbac_role_code"),
                rs.getLong("organisation_id"),
                rs.getString("ods_code"),
                rs.getBoolean("organisation_active"),
                SharingMode.valueOf(rs.getString("sharing_mode")),
                rs.getBoolean("safeguarding_designated"),
                rs.getBoolean("may_break_seal"));
    }

    private static PersonDetails details(ResultSet rs) throws SQLException {
        java.sql.Date died = rs.getDate("date_of_death");
        return new PersonDetails(
                rs.getLong("person_id"),
                rs.getString("nhs_number"),
                rs.getString("title"),
                rs.getString("given_names"),
                rs.getString("family_name"),
                rs.getDate("date_of_birth").toLocalDate(),
                died == null ? null : died.toLocalDate(),
                rs.getString("gender"),
                PersonDetails.addressLines(rs.getString("address_lines")),
                rs.getString("postcode"),
                rs.getString("phone"),
                rs.getString("gp_practice_ods"),
                rs.getString("gp_practice_name"));
    }

    private static ReasonDeclaration declaration(ResultSet rs) throws SQLException {
        return new ReasonDeclaration(
                LegitimateReason.valueOf(rs.getString("reason")),
                rs.getString("justification"),
                rs.getTimestamp("declared_at").toInstant(),
                ExplicitConsent.valueOf(rs.getString("explicit_consent")));
    }

    /**
     * What the care relationship rules need beyond the access facts, in one statement: every rule
     * (db/V24), the reader's organisation's name, and for each enabled item rule the newest items
     * (at most {@link #CANDIDATES_PER_RULE}) that the reader's organisation sent about the person in
     * the rule's categories, not withdrawn, dated within the rule's window. The rules themselves are
     * applied by {@link CareRelationships} (statuses, details, the window again).
     */
    public RelationshipFacts relationships(long personId, long organisationId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(RELATIONSHIPS)) {
            ps.setLong(1, personId);
            ps.setLong(2, organisationId);
            try (ResultSet rs = ps.executeQuery()) {
                String organisationName = null;
                List<RelationshipRule> rules = new ArrayList<>();
                Map<Integer, List<RelationshipCandidate>> candidates = new HashMap<>();
                while (rs.next()) {
                    organisationName = rs.getString("organisation_name");
                    Optional<RelationshipRule> rule = rule(rs);
                    if (rule.isEmpty()) {
                        continue;
                    }
                    rules.add(rule.get());
                    Array categories = rs.getArray("candidate_categories");
                    if (categories == null) {
                        continue;
                    }
                    String[] category = (String[]) categories.getArray();
                    Timestamp[] at =
                            (Timestamp[]) rs.getArray("candidate_times").getArray();
                    String[] status =
                            (String[]) rs.getArray("candidate_statuses").getArray();
                    String[] detail =
                            (String[]) rs.getArray("candidate_details").getArray();
                    List<RelationshipCandidate> found = new ArrayList<>();
                    for (int n = 0; n < category.length; n++) {
                        Optional<Category> known = category(category[n]);
                        if (known.isPresent()) {
                            found.add(new RelationshipCandidate(
                                    organisationId, known.get(), at[n].toInstant(), status[n], detail[n]));
                        }
                    }
                    candidates.put(rule.get().id(), found);
                }
                return new RelationshipFacts(organisationName, rules, candidates);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Care relationship lookup failed", e);
        }
    }

    /** The newest items read per item rule: enough to pass over a few cancelled ones. */
    static final int CANDIDATES_PER_RULE = 10;

    /**
     * The relationship statement: one row per rule. Parameters: the person's id, the reader's
     * organisation's id. Public, like {@link #READING}, so that raw PostgreSQL figures can run this
     * very statement.
     */
    public static final String RELATIONSHIPS = "select r.id, r.code, r.kind, r.categories, r.required_detail,"
            + " r.excluded_statuses, r.look_back_days, r.look_ahead_days, r.reason, r.rbac_role_codes, r.priority,"
            + " r.description, r.enabled, o.name as organisation_name,"
            + " e.categories as candidate_categories, e.times as candidate_times,"
            + " e.statuses as candidate_statuses, e.details as candidate_details"
            + " from (select ?::bigint as person_id, ?::bigint as organisation_id) k"
            + " cross join care_relationship_rule r"
            + " left join organisation o on o.id = k.organisation_id"
            + " left join lateral (select array_agg(i.category order by i.at desc) as categories,"
            + " array_agg(i.at order by i.at desc) as times, array_agg(i.status order by i.at desc) as statuses,"
            + " array_agg(i.detail order by i.at desc) as details"
            + " from (select ri.category, ri.status, greatest(ri.effective_at, ri.effective_end) as at,"
            + " case when r.required_detail is null then null else ri.details ->> r.required_detail end as detail"
            + " from record_item ri where r.enabled and r.kind = 'ORGANISATION_ITEM'"
            + " and ri.person_id = k.person_id and ri.category = any(r.categories)"
            + " and ri.organisation_id = k.organisation_id and ri.withdrawn_at is null"
            + " and greatest(ri.effective_at, ri.effective_end) >= now() - make_interval(days => r.look_back_days)"
            + " and greatest(ri.effective_at, ri.effective_end) <= now() + make_interval(days => r.look_ahead_days)"
            + " order by 3 desc limit " + CANDIDATES_PER_RULE + ") i) e on true"
            + " order by r.priority, r.id";

    /** A rule row; empty (left out) when it names a kind or reason this version does not know. */
    private static Optional<RelationshipRule> rule(ResultSet rs) throws SQLException {
        RelationshipKind kind;
        LegitimateReason reason;
        try {
            kind = RelationshipKind.valueOf(rs.getString("kind"));
            reason = LegitimateReason.valueOf(rs.getString("reason"));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String name : (String[]) rs.getArray("categories").getArray()) {
            category(name).ifPresent(categories::add);
        }
        return Optional.of(new RelationshipRule(
                rs.getInt("id"),
                rs.getString("code"),
                kind,
                categories,
                rs.getString("required_detail"),
                Set.of((String[]) rs.getArray("excluded_statuses").getArray()),
                rs.getInt("look_back_days"),
                rs.getInt("look_ahead_days"),
                reason,
                Set.of((String[]) rs.getArray("rbac_role_codes").getArray()),
                rs.getInt("priority"),
                rs.getString("description"),
                rs.getBoolean("enabled")));
    }

    private static Optional<Category> category(String name) {
        try {
            return Optional.of(Category.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return Optional.empty();
        }
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
                return Optional.of(new Declared(rs.getLong("id"), declaration(rs)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reason lookup failed", e);
        }
    }

    /** A stored declaration. */
    public record Declared(long id, ReasonDeclaration declaration) {}
}
