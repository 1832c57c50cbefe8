package org.openicr.audit.control;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes the audit events of a period as a FHIR R4 Bundle (type collection) of AuditEvent resources
 * following the IHE Basic Audit Log Patterns (BALP): a record view is a Basic Read with the patient
 * as entity (PatientRead), a search a Basic Query (PatientQuery when it found one person), sign-in
 * and sign-out are DICOM User Authentication; every event has the user agent (username, NHS RBAC
 * job role, purposeOfUse), the organisation, the OpenICR server and OpenICR as source observer.
 * Streamed with JSON-P, reading the database in chunks, so a long period never sits in memory.
 * Used by the privacy officer's page and by the command {@code ExportFhirAuditEvents}.
 */
public final class FhirAuditEvents {

    /** One audit event as exported. */
    public record Row(
            long id,
            Instant occurredAt,
            String action,
            String outcome,
            String username,
            String rbacRoleCode,
            String organisationOds,
            String nhsNumber,
            String purposeOfUse,
            String detail) {}

    static final String BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/";
    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String RESTFUL = "http://hl7.org/fhir/restful-interaction";
    static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String ROLE_CLASS = "http://terminology.hl7.org/CodeSystem/v3-RoleClass";
    static final String JOB_ROLE = "https://fhir.nhs.uk/CodeSystem/NHSDigital-SDS-JobRoleCode";
    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String USERNAME = "https://openicr.org/fhir/Id/username";
    static final String OPENICR_ACTION = "https://openicr.org/fhir/CodeSystem/audit-action";

    private static final int CHUNK = 1000;

    private FhirAuditEvents() {}

    /** Streams the events with {@code from <= occurred_at < until}; answers how many it wrote. */
    public static long export(DataSource dataSource, Instant from, Instant until, OutputStream out)
            throws SQLException {
        long written = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select e.id, e.occurred_at, e.action, e.outcome, e.username,"
                        + " e.rbac_role_code, e.organisation_ods, p.nhs_number, e.purpose_of_use, e.detail"
                        + " from audit_event e left join person p on p.id = e.person_id"
                        + " where e.occurred_at >= ? and e.occurred_at < ? and e.id > ? order by e.id limit ?");
                JsonGenerator g = Json.createGenerator(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            g.writeStartObject()
                    .write("resourceType", "Bundle")
                    .write("type", "collection")
                    .write("timestamp", DateTimeFormatter.ISO_INSTANT.format(Instant.now()))
                    .writeStartArray("entry");
            long after = 0;
            while (true) {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(until));
                ps.setLong(3, after);
                ps.setInt(4, CHUNK);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Row row = new Row(
                                rs.getLong("id"),
                                rs.getTimestamp("occurred_at").toInstant(),
                                rs.getString("action"),
                                rs.getString("outcome"),
                                rs.getString("username"),
                                rs.getString("rbac_role_code"),
                                rs.getString("organisation_ods"),
                                rs.getString("nhs_number"),
                                rs.getString("purpose_of_use"),
                                rs.getString("detail"));
                        g.writeStartObject()
                                .write("fullUrl", "urn:uuid:" + uuid(row.id()))
                                .writeKey("resource");
                        write(g, row);
                        g.writeEnd();
                        after = row.id();
                        n++;
                    }
                }
                written += n;
                if (n < CHUNK) {
                    break;
                }
            }
            g.writeEnd().writeEnd();
        }
        return written;
    }

    static UUID uuid(long eventId) {
        return UUID.nameUUIDFromBytes(("openicr-audit-event-" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    /** One AuditEvent resource. */
    public static void write(JsonGenerator g, Row row) {
        boolean read = "RECORD_VIEW".equals(row.action());
        boolean query = "PATIENT_SEARCH".equals(row.action());
        boolean login = row.action().startsWith("LOGIN") || "ACCOUNT_LOCKED".equals(row.action());
        boolean logout = "LOGOUT".equals(row.action());
        g.writeStartObject().write("resourceType", "AuditEvent").write("id", Long.toString(row.id()));
        String profile = read && row.nhsNumber() != null
                ? "IHE.BasicAudit.PatientRead"
                : read
                        ? "IHE.BasicAudit.Read"
                        : query && row.nhsNumber() != null
                                ? "IHE.BasicAudit.PatientQuery"
                                : query ? "IHE.BasicAudit.Query" : null;
        if (profile != null) {
            g.writeStartObject("meta")
                    .writeStartArray("profile")
                    .write(BALP + profile)
                    .writeEnd()
                    .writeEnd();
        }
        if (read || query) {
            coding(g.writeKey("type"), EVENT_TYPE, "rest", "Restful Operation");
        } else if (login || logout) {
            coding(g.writeKey("type"), DCM, "110114", "User Authentication");
        } else {
            coding(g.writeKey("type"), DCM, "110100", "Application Activity");
        }
        g.writeStartArray("subtype");
        if (read) {
            coding(g, RESTFUL, "read", "read");
        } else if (query) {
            coding(g, RESTFUL, "search-type", "search type");
        } else if (login) {
            coding(g, DCM, "110122", "Login");
        } else if (logout) {
            coding(g, DCM, "110123", "Logout");
        }
        coding(g, OPENICR_ACTION, row.action(), null);
        g.writeEnd();
        g.write("action", read ? "R" : row.action().endsWith("_CHANGED") ? "U" : "E");
        g.write("recorded", DateTimeFormatter.ISO_INSTANT.format(row.occurredAt()));
        g.write(
                "outcome",
                switch (row.outcome()) {
                    case "SUCCESS" -> "0";
                    case "DENIED" -> "4";
                    default -> "8";
                });
        if (!"SUCCESS".equals(row.outcome()) && row.detail() != null) {
            g.write("outcomeDesc", row.detail());
        }
        if (row.purposeOfUse() != null) {
            purposes(g, "purposeOfEvent", row.purposeOfUse());
        }
        g.writeStartArray("agent");
        // The user: who asked, in which national RBAC job role, for which purposes.
        g.writeStartObject();
        codeableConcept(g.writeKey("type"), PARTICIPATION, "IRCP", "information recipient");
        if (row.rbacRoleCode() != null) {
            g.writeStartArray("role");
            codeableConcept(g, JOB_ROLE, row.rbacRoleCode(), null);
            g.writeEnd();
        }
        g.writeStartObject("who")
                .writeStartObject("identifier")
                .write("system", USERNAME)
                .write("value", row.username() == null ? "unknown" : row.username())
                .writeEnd()
                .writeEnd();
        g.write("requestor", true);
        if (row.purposeOfUse() != null) {
            purposes(g, "purposeOfUse", row.purposeOfUse());
        }
        g.writeEnd();
        if (row.organisationOds() != null) {
            g.writeStartObject();
            codeableConcept(g.writeKey("type"), ROLE_CLASS, "PROV", "healthcare provider");
            g.writeStartObject("who")
                    .writeStartObject("identifier")
                    .write("system", ODS)
                    .write("value", row.organisationOds())
                    .writeEnd()
                    .writeEnd();
            g.write("requestor", false).writeEnd();
        }
        // The server that answered (BALP's server agent): OpenICR itself.
        g.writeStartObject();
        codeableConcept(g.writeKey("type"), DCM, "110153", "Source Role ID");
        g.writeStartObject("who").write("display", "OpenICR").writeEnd();
        g.write("requestor", false).writeEnd();
        g.writeEnd();
        g.writeStartObject("source")
                .write("site", "OpenICR")
                .writeStartObject("observer")
                .write("display", "OpenICR")
                .writeEnd()
                .writeStartArray("type");
        coding(g, "http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server");
        g.writeEnd().writeEnd();
        boolean entities = row.nhsNumber() != null || query || row.detail() != null;
        if (entities) {
            g.writeStartArray("entity");
            if (row.nhsNumber() != null) {
                g.writeStartObject()
                        .writeStartObject("what")
                        .writeStartObject("identifier")
                        .write("system", NHS_NUMBER)
                        .write("value", row.nhsNumber())
                        .writeEnd()
                        .writeEnd();
                coding(g.writeKey("type"), "http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person");
                coding(g.writeKey("role"), "http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient");
                if (row.detail() != null && !query) {
                    g.write("description", row.detail());
                }
                g.writeEnd();
            }
            if (query) {
                g.writeStartObject();
                coding(
                        g.writeKey("type"),
                        "http://terminology.hl7.org/CodeSystem/audit-entity-type",
                        "2",
                        "System Object");
                coding(g.writeKey("role"), "http://terminology.hl7.org/CodeSystem/object-role", "24", "Query");
                String q = row.detail() == null ? row.action() : row.detail();
                g.write("query", Base64.getEncoder().encodeToString(q.getBytes(StandardCharsets.UTF_8)));
                g.write("description", q);
                g.writeEnd();
            } else if (row.nhsNumber() == null && row.detail() != null) {
                g.writeStartObject();
                coding(
                        g.writeKey("type"),
                        "http://terminology.hl7.org/CodeSystem/audit-entity-type",
                        "2",
                        "System Object");
                g.write("description", row.detail());
                g.writeEnd();
            }
            g.writeEnd();
        }
        g.writeEnd();
    }

    private static void purposes(JsonGenerator g, String key, String codes) {
        g.writeStartArray(key);
        for (String code : codes.trim().split("\\s+")) {
            codeableConcept(g, ACT_REASON, code, null);
        }
        g.writeEnd();
    }

    private static void coding(JsonGenerator g, String system, String code, String display) {
        g.writeStartObject().write("system", system).write("code", code);
        if (display != null) {
            g.write("display", display);
        }
        g.writeEnd();
    }

    private static void codeableConcept(JsonGenerator g, String system, String code, String display) {
        g.writeStartObject().writeStartArray("coding");
        coding(g, system, code, display);
        g.writeEnd().writeEnd();
    }
}
