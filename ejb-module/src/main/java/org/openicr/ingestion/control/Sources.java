package org.openicr.ingestion.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.openicr.directory.entity.Organisation;
import org.openicr.directory.entity.SourceSystem;
import org.openicr.ingestion.control.hl7.SourceConventions;
import org.openicr.ingestion.entity.InboundMessage;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.NhsNumber;
import org.openicr.vocabulary.SharingMode;

/** Finds the source system behind an account and checks that it may submit now. */
@Dependent
public class Sources {

    /**
     * The live path's first statement for a message: the source, and in the same statement the id
     * reserved for the message's inbox row, the first answer to the message id it gives (see {@link
     * FirstAnswers}), remembered on the message so processing does not ask again, and the person the
     * message's NHS Number leads to (a merged person's survivor), for matching. Every column has a
     * name of its own and is read by it, so adding a column here or in {@link
     * FirstAnswers#RESERVED_AND_FIRST_COLUMNS} shifts nothing.
     */
    static final String FOR_MESSAGE = "select s.id as source_id, s.code as source_code, s.active as source_active,"
            + " s.hl7_obx3_implies_loinc,"
            + " o.id as organisation_id, o.ods_code, o.name as organisation_name, o.org_type, o.sharing_mode,"
            + " o.active as organisation_active, " + FirstAnswers.RESERVED_AND_FIRST_COLUMNS
            + ", pm.person_id as matched_person_id"
            + " from source_system s join organisation o on o.id = s.organisation_id"
            + " join user_account a on a.id = s.user_account_id" + FirstAnswers.firstAnswerJoin("s.id")
            + " left join lateral (select coalesce(p.merged_into_id, p.id) from person p where p.nhs_number = ?)"
            + " pm(person_id) on true where a.username = ?";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    public Optional<SourceSystem> ofAccount(String username) {
        return em.createNamedQuery(SourceSystem.BY_ACCOUNT, SourceSystem.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /** The account of the source system with this code (the MLLP listener's sender table names sources by code). */
    public Optional<String> accountOfCode(String code) {
        return em.createNamedQuery(SourceSystem.BY_CODE, SourceSystem.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .map(s -> s.getAccount().getUsername());
    }

    /**
     * The caller's source system, refused with UNKNOWN_SOURCE or SOURCE_NOT_PERMITTED; in the same
     * statement, reserves the inbox id of the message (not yet stored), looks up the first answer to
     * {@code messageId} (as the message will be identified: stripped) and, when {@code nhsNumber} is
     * given, the person it leads to ({@link SubmittingSource#matched}).
     */
    public SubmittingSource permittedFor(
            String username, InboundMessage message, String messageId, NhsNumber nhsNumber) {
        String id = messageId == null || messageId.isBlank() ? null : messageId.strip();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(FOR_MESSAGE)) {
            ps.setString(1, id);
            ps.setString(2, nhsNumber == null ? null : nhsNumber.value());
            ps.setString(3, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IcrException(
                            ErrorCode.UNKNOWN_SOURCE, "This account is not registered as a source system.");
                }
                String code = rs.getString("source_code");
                // The organisation's rule, from the entity itself (not copied here).
                Organisation organisation = new Organisation(
                        rs.getString("ods_code"),
                        rs.getString("organisation_name"),
                        rs.getString("org_type"),
                        SharingMode.valueOf(rs.getString("sharing_mode")));
                organisation.activate(rs.getBoolean("organisation_active"));
                if (!rs.getBoolean("source_active") || !organisation.maySubmit()) {
                    throw notPermitted(code);
                }
                long personId = rs.getLong("matched_person_id");
                SubmittingSource.NhsNumberMatch matched = nhsNumber == null
                        ? null
                        : new SubmittingSource.NhsNumberMatch(nhsNumber.value(), rs.wasNull() ? null : personId);
                SubmittingSource source = new SubmittingSource(
                        rs.getLong("source_id"),
                        code,
                        rs.getLong("organisation_id"),
                        rs.getString("ods_code"),
                        matched,
                        new SourceConventions(rs.getBoolean("hl7_obx3_implies_loinc")));
                message.assignId(rs.getLong(FirstAnswers.RESERVED_ID));
                if (id != null) {
                    message.firstAnswerLookedUp(
                            source.id(),
                            id,
                            FirstAnswers.first(rs, source.id(), id).orElse(null));
                }
                return source;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The source system could not be read", e);
        }
    }

    public SourceSystem permitted(SourceSystem source) {
        if (!source.maySubmit()) {
            throw notPermitted(source.getCode());
        }
        return source;
    }

    private static IcrException notPermitted(String code) {
        return new IcrException(
                ErrorCode.SOURCE_NOT_PERMITTED,
                "Source " + code + " may not submit: it or its organisation is inactive or view-only.");
    }
}
