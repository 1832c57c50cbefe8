package org.openicr.audit.entity;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.NhsNumber;

/**
 * What the privacy officer searches the audit trail by: NHS Number, user, organisation and action
 * (each optional), and a date range of whole UK days (required, inclusive). Checked on creation, so
 * a bad value answers a clear sentence, never a query.
 */
public record AuditCriteria(
        String nhsNumber, String username, String organisationOds, AuditAction action, LocalDate from, LocalDate to)
        implements Serializable {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    public AuditCriteria {
        nhsNumber = blankToNull(nhsNumber == null ? null : nhsNumber.replace(" ", ""));
        username = blankToNull(username);
        organisationOds = blankToNull(organisationOds);
        if (organisationOds != null) {
            organisationOds = organisationOds.toUpperCase(java.util.Locale.ROOT);
        }
        if (nhsNumber != null && !NhsNumber.isValid(nhsNumber)) {
            throw new IcrException(ErrorCode.INVALID_NHS_NUMBER, "That is not a valid NHS Number (10 digits).");
        }
        if (from == null || to == null) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Give the first and last day to search.");
        }
        if (from.isAfter(to)) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "The first day must not be after the last day.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The start of the first day, UK time. */
    public Instant fromInstant() {
        return from.atStartOfDay(UK).toInstant();
    }

    /** The start of the day after the last day, UK time (exclusive). */
    public Instant untilInstant() {
        return to.plusDays(1).atStartOfDay(UK).toInstant();
    }

    /** A where clause over audit_event e and person p, with its values in {@code values}. */
    public String where(List<Object> values) {
        List<String> clauses = new ArrayList<>();
        clauses.add("e.occurred_at >= ?");
        values.add(java.sql.Timestamp.from(fromInstant()));
        clauses.add("e.occurred_at < ?");
        values.add(java.sql.Timestamp.from(untilInstant()));
        if (nhsNumber != null) {
            clauses.add("e.person_id in (select id from person where nhs_number = ?)");
            values.add(nhsNumber);
        }
        if (username != null) {
            clauses.add("e.username = ?");
            values.add(username);
        }
        if (organisationOds != null) {
            clauses.add("e.organisation_ods = ?");
            values.add(organisationOds);
        }
        if (action != null) {
            clauses.add("e.action = ?");
            values.add(action.name());
        }
        return " where " + String.join(" and ", clauses);
    }

    /** How the audit records the search: the criteria themselves (an NHS Number is a reference, not clinical data). */
    public String describe() {
        return "from " + from + " to " + to + (nhsNumber == null ? "" : ", NHS Number " + nhsNumber)
                + (username == null ? "" : ", user " + username)
                + (organisationOds == null ? "" : ", organisation " + organisationOds)
                + (action == null ? "" : ", action " + action);
    }
}
