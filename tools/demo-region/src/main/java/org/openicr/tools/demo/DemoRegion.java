package org.openicr.tools.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.openicr.tools.directory.DirectoryAccounts;

/**
 * The embedded demo region: partner organisations, one demo user per kind of role (with the
 * password printed for the newcomer), source systems with their accounts, and a few synthetic
 * people posted through the real SOAP API. Idempotent: running it again changes nothing.
 *
 * <p>The directory rows are written with JDBC because the administration screens that would create
 * them come later; the people go through SOAP, as a real source would send them.
 */
public final class DemoRegion {

    public record Org(String ods, String name, String type, String sharingMode) {}

    public record DemoUser(String username, String password, String displayName, String rbacRole, String ods) {}

    public record DemoSource(String code, String name, String ods, String username, String password) {}

    public record DemoPerson(
            String nhsNumber,
            String title,
            String given,
            String family,
            LocalDate born,
            String gender,
            String line1,
            String town,
            String postcode,
            String phone,
            String gpOds,
            boolean restricted) {}

    public static final List<Org> ORGANISATIONS = List.of(
            new Org("Y90001", "Riverside Medical Practice", "GP_PRACTICE", "SHARE_AND_VIEW"),
            new Org("Y90002", "Hillview Surgery", "GP_PRACTICE", "SHARE_AND_VIEW"),
            new Org("RX901", "Avon Vale Hospitals NHS Foundation Trust", "ACUTE_TRUST", "SHARE_AND_VIEW"),
            new Org("RX902", "Severn Community Health NHS Trust", "COMMUNITY_TRUST", "SHARE_AND_VIEW"),
            new Org("RX903", "Avon Partnership Mental Health NHS Trust", "MENTAL_HEALTH_TRUST", "SHARE_AND_VIEW"),
            new Org("Y90099", "Wessex Out of Hours Service", "OUT_OF_HOURS", "SHARE_AND_VIEW"),
            new Org("LA901", "North Avon Council", "LOCAL_AUTHORITY", "SHARE_AND_VIEW"),
            new Org("LA902", "South Avon Council", "LOCAL_AUTHORITY", "SHARE_AND_VIEW"),
            new Org("Y90050", "St Anne's Hospice", "HOSPICE", "VIEW_ONLY"),
            new Org("ICB90", "Avon Integrated Care Board", "ICB", "VIEW_ONLY"));

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("gp.hart", "Clinician-demo-1", "Dr Amelia Hart", "R8000", "Y90001"),
            new DemoUser("nurse.okafor", "Nurse-demo-1", "Ben Okafor", "R8001", "RX901"),
            new DemoUser("reception.wu", "Reception-demo-1", "Chloe Wu", "R8009", "Y90001"),
            new DemoUser("social.evans", "Social-demo-1", "Dan Evans", "R0243", "LA901"),
            new DemoUser("privacy.shaw", "Privacy-demo-1", "Erin Shaw", "R0001", "ICB90"),
            new DemoUser("admin.khan", "Admin-demo-1", "Faisal Khan", "R8015", "ICB90"),
            new DemoUser("dr.lee", "Multirole-demo-1", "Dr Grace Lee", "R8000", "RX901"),
            new DemoUser("dr.lee", "Multirole-demo-1", "Dr Grace Lee", "R8003", "RX903"));

    public static final List<DemoSource> SOURCES = List.of(
            new DemoSource(
                    "riverside-gp", "Riverside GP clinical system", "Y90001", "sys.riverside-gp", "Source-demo-gp-1"),
            new DemoSource(
                    "avonvale-pas",
                    "Avon Vale patient administration system",
                    "RX901",
                    "sys.avonvale-pas",
                    "Source-demo-pas-1"),
            new DemoSource(
                    "northavon-lcs",
                    "North Avon social care system",
                    "LA901",
                    "sys.northavon-lcs",
                    "Source-demo-lcs-1"),
            new DemoSource(
                    "hospice-epr",
                    "St Anne's Hospice record (view-only organisation)",
                    "Y90050",
                    "sys.hospice-epr",
                    "Source-demo-hospice-1"));

    private final DirectoryAccounts accounts = new DirectoryAccounts();

    /**
     * Registers the demo EPR (tools/demo-epr, at {@code <server>/demo-epr}) as a system trusted to
     * launch records in context (issue 19, item 2; db/V26): its iss is its own address, its keys are
     * published at {@code /.well-known/jwks.json} there. Run by the owner role, as a region's
     * administrator registers an EPR supplier's system; again, it changes nothing.
     *
     * @param server the scheme, host and port the browser uses, e.g. {@code http://localhost:28080}
     */
    public static void registerDemoEpr(Connection c, String server) throws SQLException {
        try (var insert = c.prepareStatement("insert into launching_system (name, iss, jwks_uri, ods_code)"
                + " values ('Riverside Medical Practice demo EPR', ?, ?, 'Y90001') on conflict (iss) do nothing")) {
            insert.setString(1, server + "/demo-epr");
            insert.setString(2, server + "/demo-epr/.well-known/jwks.json");
            insert.executeUpdate();
        }
    }

    /** Organisations, users with role profiles, and source systems with their accounts. */
    public void seedDirectory(Connection c) throws SQLException {
        for (Org org : ORGANISATIONS) {
            accounts.organisation(c, org.ods(), org.name(), org.type(), org.sharingMode());
        }
        for (DemoUser user : USERS) {
            long account = account(c, user.username(), user.displayName(), "PERSON", user.password());
            accounts.roleProfile(c, account, user.rbacRole(), user.ods());
        }
        // gp.hart and social.evans are their organisations' safeguarding leads; gp.hart may also
        // break seals (RBAC activity B0083).
        try (PreparedStatement ps = c.prepareStatement("update role_profile set safeguarding_designated = true,"
                + " may_break_seal = (rbac_role_code = 'R8000') where user_account_id in"
                + " (select id from user_account where username in ('gp.hart', 'social.evans'))")) {
            ps.executeUpdate();
        }
        for (DemoSource source : SOURCES) {
            long account = account(c, source.username(), source.name(), "SYSTEM", source.password());
            // The demo region's decision (issue 16): the GP practice's system is authoritative for
            // demographics (shown first; the only one that may clear a restriction); no source is
            // authoritative for the patient index. Set when the source is created, never reset.
            try (PreparedStatement ps = c.prepareStatement("insert into source_system"
                    + " (code, name, organisation_id, user_account_id, authoritative_demographics)"
                    + " select ?, ?, id, ?, ? from organisation where ods_code = ? on conflict (code) do nothing")) {
                ps.setString(1, source.code());
                ps.setString(2, source.name());
                ps.setLong(3, account);
                ps.setBoolean(4, source.code().equals("riverside-gp"));
                ps.setString(5, source.ods());
                ps.executeUpdate();
            }
        }
    }

    /** Creates an account with a test password, or leaves an existing one exactly as it is. */
    public long account(Connection c, String username, String displayName, String kind, String password)
            throws SQLException {
        return accounts.account(c, username, displayName, kind, password.toCharArray());
    }

    /** Synthetic people with NHS Numbers from the 999 test range (never issued to anyone). */
    public static List<DemoPerson> people() {
        String[][] rows = {
            {
                "Mr",
                "Arthur",
                "PENDLETON",
                "1941-03-14",
                "male",
                "12 Mill Lane",
                "Thornbury",
                "BS35 2AA",
                "01454 000101",
                "Y90001"
            },
            {
                "Mrs",
                "Beatrice",
                "OKONKWO",
                "1958-07-02",
                "female",
                "4 Orchard Close",
                "Yate",
                "BS37 4BB",
                "01454 000102",
                "Y90001"
            },
            {
                "Ms",
                "Carys",
                "LLEWELLYN",
                "1987-11-23",
                "female",
                "Flat 3, 20 Quay Street",
                "Bristol",
                "BS1 4CC",
                "0117 000 0103",
                "Y90002"
            },
            {
                "Mr",
                "Dev",
                "PATEL",
                "1972-05-09",
                "male",
                "77 Station Road",
                "Keynsham",
                "BS31 1DD",
                "0117 000 0104",
                "Y90002"
            },
            {null, "Ellie", "MORGAN", "2016-01-30", "female", "9 Church View", "Portishead", "BS20 6EE", null, "Y90001"
            },
            {
                "Mr",
                "Frank",
                "HOLLOWAY",
                "1935-09-17",
                "male",
                "Rose Court Care Home",
                "Clevedon",
                "BS21 7FF",
                "01275 000106",
                "Y90002"
            },
            {
                "Dr",
                "Georgina",
                "ASHWORTH",
                "1969-12-04",
                "female",
                "2 The Paddocks",
                "Nailsea",
                "BS48 2GG",
                "01275 000107",
                "Y90001"
            },
            {
                "Mr",
                "Hamza",
                "RAHMAN",
                "1999-04-21",
                "male",
                "45 Gloucester Road",
                "Bristol",
                "BS7 8HH",
                "07700 900108",
                "Y90002"
            },
            {
                "Mrs",
                "Irene",
                "FAIRWEATHER",
                "1948-08-11",
                "female",
                "1 Harbour Walk",
                "Weston-super-Mare",
                "BS23 1JJ",
                "01934 000109",
                "Y90001"
            },
            {
                "Mx",
                "Jordan",
                "BLAKE",
                "2003-02-27",
                "other",
                "16 Kingsway",
                "Bristol",
                "BS5 8KK",
                "07700 900110",
                "Y90002"
            },
            {
                "Ms",
                "Kayla",
                "WINTERS",
                "1994-06-15",
                "female",
                "(restricted)",
                "Bristol",
                "BS3 1LL",
                "07700 900111",
                "Y90001"
            },
            {
                "Mr",
                "Leonard",
                "ASHBY",
                "1930-10-01",
                "male",
                "3 Elm Grove",
                "Chipping Sodbury",
                "BS37 6MM",
                "01454 000112",
                "Y90002"
            },
        };
        List<DemoPerson> people = new ArrayList<>();
        List<String> numbers = testRangeNhsNumbers(rows.length);
        for (int i = 0; i < rows.length; i++) {
            String[] r = rows[i];
            boolean restricted = r[2].equals("WINTERS");
            people.add(new DemoPerson(
                    numbers.get(i),
                    r[0],
                    r[1],
                    r[2],
                    LocalDate.parse(r[3]),
                    r[4],
                    r[5],
                    r[6],
                    r[7],
                    r[8],
                    r[9],
                    restricted));
        }
        return people;
    }

    /** The first valid NHS Numbers of the 999 test range, from 999 000 0000 upwards. */
    public static List<String> testRangeNhsNumbers(int count) {
        List<String> numbers = new ArrayList<>();
        for (long n = 999_000_000L; numbers.size() < count; n++) {
            String nine = Long.toString(n);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            numbers.add(nine + (check == 11 ? 0 : check));
        }
        return numbers;
    }

    /**
     * Posts each person through the SOAP ingestion API as the demo GP system, then their record
     * items as the GP practice, the acute trust and the council would send them.
     */
    public void postPeople(URI ingestionUrl, List<DemoPerson> people) throws IOException, InterruptedException {
        DemoSource gp = SOURCES.get(0);
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < people.size(); i++) {
            DemoPerson p = people.get(i);
            post(
                    client,
                    ingestionUrl,
                    "SubmitDemographics",
                    gp.username(),
                    gp.password(),
                    demographicsEnvelope("demo-" + p.nhsNumber(), p));
            for (DemoRecords.Batch batch : DemoRecords.forPerson(p, i)) {
                post(
                        client,
                        ingestionUrl,
                        "SubmitItems",
                        batch.sourceUsername(),
                        batch.sourcePassword(),
                        batch.envelope());
            }
        }
    }

    /** The duplicate PAS registration that the demo's ADT^A40 merges into Dev PATEL (999 000 0042). */
    public static final String DUPLICATE_NHS_NUMBER = testRangeNhsNumbers(13).get(12);

    /**
     * Loads the demo region for a person to explore (./icr run): each person with their own story
     * ({@link DemoStories}); then what an administrator tries: a duplicate registration of Dev PATEL
     * sent by the hospital's PAS and merged by ADT^A40 (undo it on the Merges page), and an end of
     * life care plan sent by the hospice, whose organisation only views, so it is refused (replay it
     * on the Messages page after making the hospice share). The tests use {@link #postPeople}, whose
     * people all have the same full story.
     */
    public void postDemoRegion(URI ingestionUrl, List<DemoPerson> people) throws IOException, InterruptedException {
        DemoSource gp = SOURCES.get(0);
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < people.size(); i++) {
            DemoPerson p = people.get(i);
            post(
                    client,
                    ingestionUrl,
                    "SubmitDemographics",
                    gp.username(),
                    gp.password(),
                    demographicsEnvelope("demo-" + p.nhsNumber(), p));
            for (DemoRecords.Batch batch : DemoStories.forDemoPerson(p, i)) {
                post(
                        client,
                        ingestionUrl,
                        "SubmitItems",
                        batch.sourceUsername(),
                        batch.sourcePassword(),
                        batch.envelope());
            }
        }
        DemoPerson patel = people.stream()
                .filter(p -> p.family().equals("PATEL"))
                .findFirst()
                .orElseThrow();
        DemoSource pas = SOURCES.get(1);
        for (String er7 : DemoMessages.duplicateAndMerge(patel, DUPLICATE_NHS_NUMBER)) {
            post(client, ingestionUrl, "SubmitHl7", pas.username(), pas.password(), DemoMessages.hl7Envelope(er7));
        }
        DemoPerson pendleton = people.stream()
                .filter(p -> p.family().equals("PENDLETON"))
                .findFirst()
                .orElseThrow();
        DemoSource hospice = SOURCES.stream()
                .filter(s -> s.username().equals("sys.hospice-epr"))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> refused = send(
                client,
                ingestionUrl,
                "SubmitItems",
                hospice.username(),
                hospice.password(),
                DemoMessages.hospicePlan(pendleton));
        if (refused.statusCode() != 500 || !refused.body().contains("SOURCE_NOT_PERMITTED")) {
            throw new IOException("The hospice's message should be refused (its organisation only views), but got HTTP "
                    + refused.statusCode() + ": " + refused.body());
        }
    }

    private static void post(
            HttpClient client, URI url, String operation, String username, String password, String envelope)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(client, url, operation, username, password, envelope);
        if (response.statusCode() != 200) {
            throw new IOException(operation + " for the demo region failed with HTTP " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static HttpResponse<String> send(
            HttpClient client, URI url, String operation, String username, String password, String envelope)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"urn:openicr:ingestion:v1:" + operation + "\"")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static String demographicsEnvelope(String messageId, DemoPerson p) {
        StringBuilder xml = new StringBuilder();
        xml.append("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"")
                .append(" xmlns:icr=\"urn:openicr:ingestion:v1\"><soapenv:Body><icr:DemographicsSubmission>")
                .append(element("messageId", messageId))
                .append("<icr:person>")
                .append(element("nhsNumber", p.nhsNumber()))
                .append(p.title() == null ? "" : element("title", p.title()))
                .append(element("givenNames", p.given()))
                .append(element("familyName", p.family()))
                .append(element("dateOfBirth", p.born().toString()))
                .append(element("gender", p.gender()))
                .append("<icr:address>")
                .append(element("line", p.line1()))
                .append(element("line", p.town()))
                .append(element("postcode", p.postcode()))
                .append("</icr:address>")
                .append(p.phone() == null ? "" : element("phone", p.phone()))
                .append(element("gpPracticeOds", p.gpOds()))
                .append(element("restricted", Boolean.toString(p.restricted())))
                .append("</icr:person></icr:DemographicsSubmission></soapenv:Body></soapenv:Envelope>");
        return xml.toString();
    }

    private static String element(String name, String value) {
        String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<icr:" + name + ">" + escaped + "</icr:" + name + ">";
    }
}
