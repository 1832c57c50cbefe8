package org.openicr.web.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openicr.audit.boundary.AuditRow;

class AuditCsvTest {

    @Test
    void aRowIsOneCsvLineInUkTime() throws Exception {
        StringWriter out = new StringWriter();
        AuditCsv.write(
                out,
                new AuditRow(
                        7,
                        Instant.parse("2026-07-15T09:00:01Z"),
                        "RECORD_VIEW",
                        "SUCCESS",
                        "gp.hart",
                        "R8000",
                        "Y90001",
                        42L,
                        "9434765919",
                        "TREAT",
                        "summary: 3 item(s) in 2 categories; reason ONGOING_CARE"));
        assertEquals(
                "7,15-Jul-2026 10:00:01,RECORD_VIEW,SUCCESS,gp.hart,R8000,Y90001,9434765919,TREAT,"
                        + "summary: 3 item(s) in 2 categories; reason ONGOING_CARE\r\n",
                out.toString());
    }

    @Test
    void quotesAndFormulaeAreNeutralised() {
        assertEquals("\"a, b\"", AuditCsv.field("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditCsv.field("say \"hi\""));
        assertEquals("'=HYPERLINK(1)", AuditCsv.field("=HYPERLINK(1)"));
        assertEquals("\"'=SUM(A1,A2)\"", AuditCsv.field("=SUM(A1,A2)"));
        assertEquals("'@cmd", AuditCsv.field("@cmd"));
        assertEquals("'-1", AuditCsv.field("-1"));
        assertEquals("", AuditCsv.field(null));
    }
}
