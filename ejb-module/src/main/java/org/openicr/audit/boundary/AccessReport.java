package org.openicr.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openicr.audit.control.AccessReportBuilder;
import org.openicr.audit.control.AccessReportPdf;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditCriteria;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * The person's access report for a subject access request: every successful read of their record
 * in a date range, as a PDF. Generating one is audited (against the person).
 */
@Stateless
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class AccessReport {

    /** The PDF and what it covers. */
    public record Report(byte[] pdf, String fileName, int openings) {}

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    public Report generate(String nhsNumber, LocalDate from, LocalDate to) {
        AuditCriteria range = new AuditCriteria(nhsNumber, null, null, null, from, to);
        if (range.nhsNumber() == null) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Give the person's NHS Number.");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> people = em.createNativeQuery(
                        "select id, trim(coalesce(title || ' ', '') || given_names || ' ' || family_name)"
                                + " from person where nhs_number = ?")
                .setParameter(1, range.nhsNumber())
                .getResultList();
        if (people.isEmpty()) {
            throw new IcrException(ErrorCode.NOT_FOUND, "Nobody with that NHS Number is on the shared record.");
        }
        long personId = ((Number) people.get(0)[0]).longValue();
        String name = (String) people.get(0)[1];
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select e.occurred_at, e.username, u.display_name, e.rbac_role_code,"
                        + " r.name, e.organisation_ods, o.name, e.purpose_of_use, e.detail from audit_event e"
                        + " left join user_account u on u.username = e.username"
                        + " left join rbac_role r on r.code = e.rbac_role_code"
                        + " left join organisation o on o.ods_code = e.organisation_ods"
                        + " where e.person_id = ? and e.action = 'RECORD_VIEW' and e.outcome = 'SUCCESS'"
                        + " and e.occurred_at >= ? and e.occurred_at < ? order by e.occurred_at, e.id")
                .setParameter(1, personId)
                .setParameter(2, Timestamp.from(range.fromInstant()))
                .setParameter(3, Timestamp.from(range.untilInstant()))
                .getResultList();
        List<AccessReportBuilder.Line> lines = AccessReportBuilder.lines(rows.stream()
                .map(r -> new AccessReportBuilder.Read(
                        ((Timestamp) r[0]).toInstant(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        (String) r[7],
                        (String) r[8]))
                .toList());
        String by = session.getCallerPrincipal().getName();
        byte[] pdf = AccessReportPdf.render(range.nhsNumber(), name, from, to, lines, by, Instant.now());
        audit.record(new AuditEvent(
                AuditAction.ACCESS_REPORT_GENERATED,
                AuditOutcome.SUCCESS,
                Actor.account(by),
                personId,
                "subject access report from " + from + " to " + to + ": " + lines.size() + " opening(s)"));
        return new Report(pdf, "access-report-" + range.nhsNumber() + "-" + from + "-to-" + to + ".pdf", lines.size());
    }
}
