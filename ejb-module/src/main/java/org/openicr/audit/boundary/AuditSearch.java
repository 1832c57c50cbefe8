package org.openicr.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditCriteria;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.platform.Roles;

/**
 * The privacy officer's search of the audit trail, paged in the database, and its CSV export read in
 * chunks (keyset on the id), so neither loads every matching row at once. Each search and each
 * export is itself audited with its criteria and the number of rows.
 */
@Stateless
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class AuditSearch {

    private static final String COLUMNS = "select e.id, e.occurred_at, e.action, e.outcome, e.username,"
            + " e.rbac_role_code, e.organisation_ods, e.person_id, p.nhs_number, e.purpose_of_use, e.detail"
            + " from audit_event e left join person p on p.id = e.person_id";

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    /** Runs a search: answers how many events match, and audits the search. */
    public long search(AuditQuery query) {
        AuditCriteria criteria = query.criteria();
        long count = count(criteria);
        audit.record(new AuditEvent(
                AuditAction.AUDIT_SEARCHED,
                AuditOutcome.SUCCESS,
                Actor.account(session.getCallerPrincipal().getName()),
                null,
                criteria.describe() + ": " + count + " event(s)"));
        return count;
    }

    /** Starts an export: answers how many rows it will have, and audits it. */
    public long export(AuditQuery query, String format) {
        AuditCriteria criteria = query.criteria();
        long count = count(criteria);
        audit.record(new AuditEvent(
                AuditAction.AUDIT_EXPORTED,
                AuditOutcome.SUCCESS,
                Actor.account(session.getCallerPrincipal().getName()),
                null,
                format + " export " + criteria.describe() + ": " + count + " event(s)"));
        return count;
    }

    public long count(AuditCriteria criteria) {
        List<Object> values = new ArrayList<>();
        String where = criteria.where(values);
        return ((Number) bind(em.createNativeQuery("select count(*) from audit_event e" + where), values)
                        .getSingleResult())
                .longValue();
    }

    /** One page of a search, newest first (for the screen). */
    public List<AuditRow> page(AuditQuery query, int first, int max) {
        AuditCriteria criteria = query.criteria();
        List<Object> values = new ArrayList<>();
        String where = criteria.where(values);
        values.add(Math.min(max, 500));
        values.add(first);
        return rows(bind(em.createNativeQuery(COLUMNS + where + " order by e.id desc limit ? offset ?"), values));
    }

    /** The next chunk of an export, newest first: the events older than {@code beforeId} (null for the first chunk). */
    public List<AuditRow> chunk(AuditQuery query, Long beforeId, int max) {
        AuditCriteria criteria = query.criteria();
        List<Object> values = new ArrayList<>();
        String where = criteria.where(values);
        if (beforeId != null) {
            where += " and e.id < ?";
            values.add(beforeId);
        }
        values.add(Math.min(max, 5000));
        return rows(bind(em.createNativeQuery(COLUMNS + where + " order by e.id desc limit ?"), values));
    }

    private static Query bind(Query query, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    private static List<AuditRow> rows(Query query) {
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new AuditRow(
                        ((Number) r[0]).longValue(),
                        ((Timestamp) r[1]).toInstant(),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        r[7] == null ? null : ((Number) r[7]).longValue(),
                        (String) r[8],
                        (String) r[9],
                        (String) r[10]))
                .toList();
    }
}
