package org.openicr.audit.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditCriteria;

/**
 * What the privacy officer's page searches the audit trail by, as the page holds it: NHS Number,
 * user, organisation and action name (each optional; blank is none) and a range of whole UK days. Checked on
 * creation by the same rules as {@link AuditCriteria} (it builds one and keeps its tidied values), so
 * a bad value answers the same sentence, in the web layer, before any service is called.
 */
public record AuditQuery(
        String nhsNumber, String username, String organisationOds, String action, LocalDate from, LocalDate to)
        implements Serializable {

    /** The audit's days are UK days. */
    public static final ZoneId UK = AuditCriteria.UK;

    public AuditQuery {
        action = action == null || action.isBlank() ? null : action.strip();
        AuditCriteria checked = new AuditCriteria(
                nhsNumber, username, organisationOds, action == null ? null : AuditAction.valueOf(action), from, to);
        nhsNumber = checked.nhsNumber();
        username = checked.username();
        organisationOds = checked.organisationOds();
    }

    /** Only the days: what the FHIR export of a period is checked by. */
    public static AuditQuery period(LocalDate from, LocalDate to) {
        return new AuditQuery(null, null, null, null, from, to);
    }

    /** The names of the actions one can search for, in alphabetical order. */
    public static List<String> actions() {
        return Arrays.stream(AuditAction.values()).map(Enum::name).sorted().toList();
    }

    AuditCriteria criteria() {
        return new AuditCriteria(
                nhsNumber, username, organisationOds, action == null ? null : AuditAction.valueOf(action), from, to);
    }
}
