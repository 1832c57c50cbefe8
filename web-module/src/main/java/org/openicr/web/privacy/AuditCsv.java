package org.openicr.web.privacy;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.openicr.audit.boundary.AuditRow;
import org.openicr.vocabulary.UkDateFormat;

/**
 * The audit search's CSV (RFC 4180): quoted where needed, and a value a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or carriage return; a username typed at a failed sign-in
 * can be anything) is prefixed with an apostrophe.
 */
final class AuditCsv {

    static final String HEADER =
            "Event id,When (UK),Action,Outcome,User,Role,Organisation,NHS Number,Purpose of use," + "Detail\r\n";
    private static final DateTimeFormatter WHEN = UkDateFormat.DATE_TIME_SECONDS.withZone(ZoneId.of("Europe/London"));

    private AuditCsv() {}

    static void write(Writer out, AuditRow row) throws IOException {
        out.write(Long.toString(row.id()));
        for (String value : new String[] {
            WHEN.format(row.occurredAt()),
            row.action(),
            row.outcome(),
            row.username(),
            row.rbacRoleCode(),
            row.organisationOds(),
            row.nhsNumber(),
            row.purposeOfUse(),
            row.detail()
        }) {
            out.write(',');
            out.write(field(value));
        }
        out.write("\r\n");
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
