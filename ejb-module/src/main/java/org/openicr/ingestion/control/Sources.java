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
import org.openicr.directory.entity.SharingMode;
import org.openicr.directory.entity.SourceSystem;
import org.openicr.platform.ErrorCode;
import org.openicr.platform.IcrException;

/** Finds the source system behind an account and checks that it may submit now. */
@Dependent
public class Sources {

    /** The live path's lookup: one statement, no entities (it runs for every message). */
    static final String BY_ACCOUNT = "select s.id, s.code, s.active, o.id, o.ods_code, o.name, o.org_type,"
            + " o.sharing_mode, o.active from source_system s join organisation o on o.id = s.organisation_id"
            + " join user_account a on a.id = s.user_account_id where a.username = ?";

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

    /** The caller's source system, refused with UNKNOWN_SOURCE or SOURCE_NOT_PERMITTED. */
    public SubmittingSource permittedFor(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(BY_ACCOUNT)) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IcrException(
                            ErrorCode.UNKNOWN_SOURCE, "This account is not registered as a source system.");
                }
                String code = rs.getString(2);
                // The organisation's rule, from the entity itself (not copied here).
                Organisation organisation = new Organisation(
                        rs.getString(5), rs.getString(6), rs.getString(7), SharingMode.valueOf(rs.getString(8)));
                organisation.activate(rs.getBoolean(9));
                if (!rs.getBoolean(3) || !organisation.maySubmit()) {
                    throw notPermitted(code);
                }
                return new SubmittingSource(rs.getLong(1), code, rs.getLong(4), rs.getString(5));
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
