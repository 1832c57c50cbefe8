package org.openicr.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.openicr.audit.control.FhirAuditEvents;
import org.openicr.audit.entity.AuditCriteria;

/**
 * The audit events of a period as FHIR R4 AuditEvent JSON (IHE BALP), streamed to the privacy
 * officer's download. The export is audited, with its period and size, before it is written.
 */
@Stateless
@RolesAllowed(org.openicr.platform.Roles.PRIVACY_OFFICER)
public class FhirAuditExport {

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    @EJB
    AuditSearch search;

    public long export(LocalDate from, LocalDate to, OutputStream out) {
        AuditCriteria period = new AuditCriteria(null, null, null, null, from, to);
        search.export(AuditQuery.period(from, to), "FHIR AuditEvent");
        try {
            return FhirAuditEvents.export(dataSource, period.fromInstant(), period.untilInstant(), out);
        } catch (SQLException e) {
            throw new IllegalStateException("The audit events could not be read.", e);
        }
    }
}
