package org.openicr.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openicr.audit.control.AccessReportBuilder;
import org.openicr.audit.control.AccessReportPdf;
import org.openicr.audit.control.AccessReportStore;
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

    @Inject
    AccessReportStore store;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    public Report generate(String nhsNumber, LocalDate from, LocalDate to) {
        AuditCriteria range = new AuditCriteria(nhsNumber, null, null, null, from, to);
        if (range.nhsNumber() == null) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Give the person's NHS Number.");
        }
        AccessReportStore.Subject subject = store.subject(range.nhsNumber())
                .orElseThrow(() ->
                        new IcrException(ErrorCode.NOT_FOUND, "Nobody with that NHS Number is on the shared record."));
        long personId = subject.personId();
        String name = subject.name();
        List<AccessReportBuilder.Line> lines =
                AccessReportBuilder.lines(store.reads(personId, range.fromInstant(), range.untilInstant()));
        String by = session.getCallerPrincipal().getName();
        byte[] pdf = AccessReportPdf.render(range.nhsNumber(), name, from, to, lines, by, Instant.now());
        audit.record(new AuditEvent(
                AuditAction.ACCESS_REPORT_GENERATED,
                AuditOutcome.SUCCESS,
                Actor.account(by),
                personId,
                "subject access report from " + from + " to " + to + ": " + lines.size() + " sitting(s)"));
        return new Report(pdf, "access-report-" + range.nhsNumber() + "-" + from + "-to-" + to + ".pdf", lines.size());
    }
}
