package org.openicr.tools.directory;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.openicr.audit.control.FhirAuditEvents;
import org.openicr.audit.entity.AuditCriteria;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Exports the audit events of a period (whole UK days, dd/mm/yyyy or yyyy-mm-dd) as a FHIR R4
 * Bundle of AuditEvent resources (IHE BALP) to a file, with the database coordinates of
 * OPENICR_DB_URL / OPENICR_DB_USER / OPENICR_DB_PASSWORD. The export is itself audited (as the
 * operating-system user that ran it).
 *
 * <p>{@code java -cp 'tools/directory-cli/target/directory-cli.jar:tools/directory-cli/target/lib/*'
 * org.openicr.tools.directory.ExportFhirAuditEvents 01/07/2026 31/07/2026 audit-july.json}
 */
public final class ExportFhirAuditEvents {

    private ExportFhirAuditEvents() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("Usage: ExportFhirAuditEvents FROM TO FILE (dates as dd/mm/yyyy)");
            System.exit(2);
        }
        AuditCriteria period;
        try {
            period = new AuditCriteria(null, null, null, null, date(args[0]), date(args[1]));
        } catch (DateTimeParseException | org.openicr.vocabulary.IcrException e) {
            System.err.println("Give two dates as dd/mm/yyyy, the first not after the second.");
            System.exit(2);
            return;
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(required("OPENICR_DB_URL"));
        dataSource.setUser(required("OPENICR_DB_USER"));
        dataSource.setPassword(required("OPENICR_DB_PASSWORD"));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into audit_event (action, outcome, username, detail)"
                        + " values ('AUDIT_EXPORTED', 'SUCCESS', ?, ?)")) {
            ps.setString(1, "cli:" + System.getProperty("user.name"));
            ps.setString(2, "FHIR AuditEvent export " + period.describe() + " to " + args[2] + " (command)");
            ps.executeUpdate();
        }
        long written;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[2])))) {
            written = FhirAuditEvents.export(dataSource, period.fromInstant(), period.untilInstant(), out);
        }
        System.out.println(written + " audit events written to " + args[2] + ".");
    }

    private static LocalDate date(String text) {
        return text.contains("/")
                ? LocalDate.parse(text, DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                : LocalDate.parse(text);
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set.");
        }
        return value;
    }
}
