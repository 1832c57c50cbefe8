package org.openicr.tools.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the audit costs the record page, measured inside the server under record-page load: signs
 * in as a clinician, gives a reason for up to 50 people (written as declarations, as the reason page
 * would), opens their record pages round-robin and reads the server's own measurement
 * ({@code /privacy/audit-cost}, as a privacy officer) before and after. The server measures each
 * record-page request and the time spent in the audit inside it (writing events, checking access
 * patterns); nothing is switched off.
 *
 * <p>{@code java -cp tools/load-driver/target/load-driver.jar:tools/load-driver/target/lib/*
 * org.openicr.tools.load.AuditOverhead [baseUrl] [requests]} with OPENICR_DB_URL / OPENICR_DB_USER /
 * OPENICR_DB_PASSWORD; the accounts default to the demo's gp.hart and privacy.shaw
 * (ICR_CLINICIAN=user:password, ICR_PRIVACY_OFFICER=user:password to change them; ICR_PEOPLE=id,id to
 * choose the people; ICR_CATEGORY=RESULTS to open a category's page instead of the summary).
 */
public final class AuditOverhead {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern COST =
            Pattern.compile("requests=(\\d+) requestNanos=(\\d+) auditNanos=(\\d+) commitNanos=(\\d+)"
                    + "(?: auditPercent=\\S+ cpuNanos=(\\d+))?(?: auditWriterCpuNanos=(\\d+))?");

    private AuditOverhead() {}

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:8080/openicr/");
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String[] clinician = env("ICR_CLINICIAN", "gp.hart:Clinician-demo-1").split(":", 2);
        String[] officer =
                env("ICR_PRIVACY_OFFICER", "privacy.shaw:Privacy-demo-1").split(":", 2);

        List<Long> people = declareReasons(clinician[0], env("ICR_PEOPLE", ""));
        if (people.isEmpty()) {
            throw new IllegalStateException("No people on the record to open: load the demo region first.");
        }
        HttpClient reader = signIn(base, clinician[0], clinician[1]);
        HttpClient privacy = signIn(base, officer[0], officer[1]);
        get(reader, base.resolve("home.xhtml"));
        for (int i = 0; i < Math.min(50, requests); i++) {
            open(reader, base, people.get(i % people.size()));
        }
        long[] before = cost(privacy, base);
        long[] latencies = new long[requests];
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            open(reader, base, people.get(i % people.size()));
            latencies[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] after = cost(privacy, base);
        long n = after[0] - before[0];
        double serverMs = (after[1] - before[1]) / 1e6 / n;
        double auditMs = (after[2] - before[2]) / 1e6 / n;
        double commitMs = (after[3] - before[3]) / 1e6 / n;
        double cpuMs = (after[4] - before[4]) / 1e6 / n;
        double writerCpuMs = (after[5] - before[5]) / 1e6 / n;
        Arrays.sort(latencies);
        System.out.printf(
                Locale.ROOT,
                "record pages: %d over %d people in %.1f s (%.1f/s); client p50 %.1f ms, p95 %.1f ms%n",
                n,
                people.size(),
                seconds,
                requests / seconds,
                latencies[requests / 2] / 1e6,
                latencies[(int) (requests * 0.95)] / 1e6);
        System.out.printf(
                Locale.ROOT,
                "server time per record page %.2f ms (request thread CPU %.2f ms), of which audit writes and alert"
                        + " checks %.3f ms: %.2f %%%n",
                serverMs,
                cpuMs,
                auditMs,
                100.0 * auditMs / serverMs);
        System.out.printf(
                Locale.ROOT,
                "commits of the transactions the audit made writers: %.3f ms: with them %.2f %%%n",
                commitMs,
                100.0 * (auditMs + commitMs) / serverMs);
        System.out.printf(
                Locale.ROOT,
                "CPU of the asynchronous audit writers: %.3f ms per page (%.2f %% of the page's request-thread CPU)%n",
                writerCpuMs,
                cpuMs == 0 ? 0 : 100.0 * writerCpuMs / cpuMs);
        // the benchmark suite's row (tools/load-driver/audit-overhead.sh)
        double total = 100.0 * (auditMs + commitMs) / serverMs;
        System.out.printf(
                Locale.ROOT,
                "ROW audit overhead on the record page|%d record pages of %d people, one reader, closed loop"
                        + "|**%.2f %%** of the server time: %.3f ms of %.2f ms per page spent on the audit by the"
                        + " request (waiting for its events, written beside the rendering, to commit; plus any"
                        + " written on the request thread and the commits they cause: %.3f ms)|-"
                        + "|request thread %.2f ms per page; audit writers %.3f ms per page (%.1f %% of it)|≤ 5 %%|%s%n",
                n,
                people.size(),
                total,
                auditMs + commitMs,
                serverMs,
                commitMs,
                cpuMs,
                writerCpuMs,
                cpuMs == 0 ? 0 : 100.0 * writerCpuMs / cpuMs,
                total <= 5.0 ? "**yes**" : "**no**");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** An ongoing-care reason for up to 50 people, for the clinician's (first) role profile. */
    private static List<Long> declareReasons(String username, String chosen) throws SQLException {
        List<Long> people = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                env("OPENICR_DB_URL", "jdbc:postgresql://localhost:5432/openicr"),
                env("OPENICR_DB_USER", "openicr"),
                System.getenv("OPENICR_DB_PASSWORD"))) {
            long account;
            long profile;
            try (PreparedStatement ps = c.prepareStatement("select u.id, min(p.id) from user_account u"
                    + " join role_profile p on p.user_account_id = u.id where u.username = ? group by u.id")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("No role profile for " + username);
                    }
                    account = rs.getLong(1);
                    profile = rs.getLong(2);
                }
            }
            if (!chosen.isBlank()) {
                for (String id : chosen.split(",")) {
                    people.add(Long.parseLong(id.strip()));
                }
            } else {
                try (PreparedStatement ps =
                                c.prepareStatement("select id from person where not opted_out order by id limit 50");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        people.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into reason_declaration (user_account_id,"
                    + " role_profile_id, person_id, reason, explicit_consent, declared_at)"
                    + " values (?, ?, ?, 'ONGOING_CARE', 'NOT_RECORDED', now())")) {
                for (long person : people) {
                    ps.setLong(1, account);
                    ps.setLong(2, profile);
                    ps.setLong(3, person);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return people;
    }

    private static HttpClient signIn(URI base, String username, String password)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String page = get(client, base.resolve("login.xhtml"));
        Matcher state = VIEW_STATE.matcher(page);
        if (!state.find()) {
            throw new IllegalStateException("No sign-in form at " + base);
        }
        String form = "login=login&login%3Ausername=" + enc(username) + "&login%3Apassword=" + enc(password)
                + "&login%3Asubmit=Sign+in&jakarta.faces.ViewState=" + enc(state.group(1));
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(base.resolve("login.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.body().contains("id=\"login:username\"")) {
            throw new IllegalStateException("Sign-in failed for " + username);
        }
        return client;
    }

    private static void open(HttpClient client, URI base, long person) throws IOException, InterruptedException {
        String category = env("ICR_CATEGORY", "");
        String page = get(
                client,
                base.resolve(
                        "record/view.xhtml?person=" + person + (category.isBlank() ? "" : "&category=" + category)));
        if (!page.contains("id=\"access-reason\"")) {
            throw new IllegalStateException("The record page of person " + person + " did not show the record.");
        }
    }

    private static long[] cost(HttpClient client, URI base) throws IOException, InterruptedException {
        Matcher m = COST.matcher(get(client, base.resolve("privacy/audit-cost")));
        if (!m.find()) {
            throw new IllegalStateException("No audit cost at " + base.resolve("privacy/audit-cost"));
        }
        return new long[] {
            Long.parseLong(m.group(1)),
            Long.parseLong(m.group(2)),
            Long.parseLong(m.group(3)),
            Long.parseLong(m.group(4)),
            m.group(5) == null ? 0 : Long.parseLong(m.group(5)),
            m.group(6) == null ? 0 : Long.parseLong(m.group(6))
        };
    }

    private static String get(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
