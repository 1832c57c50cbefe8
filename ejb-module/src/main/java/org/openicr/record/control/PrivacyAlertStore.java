package org.openicr.record.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.PrivacyAlert;

/**
 * The SQL of the privacy officer's alerts raised by record reads: one insert each, on the caller's
 * persistence context, so the alert is written in the transaction (and on the connection) of the
 * read, declaration or seal break it refers to.
 */
@Dependent
public class PrivacyAlertStore {

    @PersistenceContext
    EntityManager em;

    /** An alert of this kind about the person, under the declaration. */
    public void insert(PrivacyAlert kind, Actor actor, long personId, long declarationId) {
        em.createNativeQuery("insert into privacy_alert (kind, username, rbac_role_code, organisation_ods, person_id,"
                        + " reason_declaration_id) values (?, ?, ?, ?, ?, ?)")
                .setParameter(1, kind.name())
                .setParameter(2, actor.username())
                .setParameter(3, actor.rbacRoleCode())
                .setParameter(4, actor.organisationOds())
                .setParameter(5, personId)
                .setParameter(6, declarationId)
                .executeUpdate();
    }

    /** A seal break's alert: it names the break and the declaration it was made under. */
    public void insertSealBreak(Actor actor, long personId, long declarationId, long sealBreakId) {
        em.createNativeQuery("insert into privacy_alert (kind, username, rbac_role_code, organisation_ods, person_id,"
                        + " reason_declaration_id, seal_break_id) values (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, PrivacyAlert.SEAL_BROKEN.name())
                .setParameter(2, actor.username())
                .setParameter(3, actor.rbacRoleCode())
                .setParameter(4, actor.organisationOds())
                .setParameter(5, personId)
                .setParameter(6, declarationId)
                .setParameter(7, sealBreakId)
                .executeUpdate();
    }
}
