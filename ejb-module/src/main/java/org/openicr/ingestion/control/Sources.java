package org.openicr.ingestion.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.openicr.directory.entity.SourceSystem;
import org.openicr.platform.ErrorCode;
import org.openicr.platform.IcrException;

/** Finds the source system behind an account and checks that it may submit now. */
@Dependent
public class Sources {

    @PersistenceContext
    EntityManager em;

    public Optional<SourceSystem> ofAccount(String username) {
        return em.createNamedQuery(SourceSystem.BY_ACCOUNT, SourceSystem.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /** The caller's source system, refused with UNKNOWN_SOURCE or SOURCE_NOT_PERMITTED. */
    public SourceSystem permittedFor(String username) {
        SourceSystem source = ofAccount(username)
                .orElseThrow(() -> new IcrException(
                        ErrorCode.UNKNOWN_SOURCE, "This account is not registered as a source system."));
        return permitted(source);
    }

    public SourceSystem permitted(SourceSystem source) {
        if (!source.maySubmit()) {
            throw new IcrException(
                    ErrorCode.SOURCE_NOT_PERMITTED,
                    "Source " + source.getCode() + " may not submit: it or its organisation is inactive or view-only.");
        }
        return source;
    }
}
