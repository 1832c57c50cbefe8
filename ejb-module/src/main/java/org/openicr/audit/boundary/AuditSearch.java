package org.openicr.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.openicr.audit.control.AuditEventSearch;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditCriteria;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.NhsNumber;

/**
 * The privacy officer's search of the audit trail, paged in the database, and its CSV export read in
 * chunks (keyset on the id), so neither loads every matching row at once. Each search and each
 * export is itself audited with its criteria and the number of rows.
 */
@Stateless
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class AuditSearch {

    @Inject
    AuditEventSearch store;

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

    private long count(AuditCriteria criteria) {
        return store.count(criteria);
    }

    /** One page of a search, newest first (for the screen). */
    public List<AuditRow> page(AuditQuery query, int first, int max) {
        return store.page(query.criteria(), first, max).stream()
                .map(AuditSearch::row)
                .toList();
    }

    /** The next chunk of an export, newest first: the events older than {@code beforeId} (null for the first chunk). */
    public List<AuditRow> chunk(AuditQuery query, Long beforeId, int max) {
        return store.chunk(query.criteria(), beforeId, max).stream()
                .map(AuditSearch::row)
                .toList();
    }

    private static AuditRow row(AuditEventSearch.Row r) {
        return new AuditRow(
                r.id(),
                r.occurredAt(),
                r.action(),
                r.outcome(),
                r.username(),
                r.rbacRoleCode(),
                r.organisationOds(),
                r.personId(),
                NhsNumber.display(r.nhsNumber()),
                r.purposeOfUse(),
                r.detail());
    }
}
