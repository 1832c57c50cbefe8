package org.openicr.tools.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The benchmark suite of the ingestion, record viewer and region issues in one command, against a
 * running server and its database: the record page, the category views, the two searches (all
 * open loop through the real form sign-in), SOAP ingestion (single items and 50-item batches), the
 * raw PostgreSQL cost of the same data access beside each, and the audit overhead when its hook
 * exists. Prints a table and writes it into docs/benchmarks.md (a generated section).
 */
public final class Suite {

    static final String USAGE =
            """
            usage: java -jar load-driver.jar suite --db-url JDBC_URL --db-user U --db-password P [options]
              --app URL               the application's root [http://127.0.0.1:28080/openicr/]
              targets (default: the --targets people with the most items, found with SQL):
              --targets N             how many of the busiest people to view [5]
              --nhs-numbers A,B       these people (NHS Numbers) instead
              --person-ids 1,2        these people (ids) instead
              --targets-file FILE     these people: the first field of each line, 10 digits = NHS Number,
                                      else a person id; lines starting with # and non-numeric lines skipped
              accounts (default: bench.viewer and sys.bench-load, created or reset with random passwords):
              --rbac-role CODE        the viewer's RBAC role [R8000, clinical practitioner]
              --ods CODE              the viewer's and source's organisation [the first target's GP practice]
              web load (open loop, Poisson arrivals, latency from the scheduled time):
              --rate R                record page and category views per second [50]
              --search-rate R         searches per second [20]
              --sessions N            signed-in users (each takes the next due arrival when idle) [64]
              --duration D            each measured phase [60s]
              --warmup D              a discarded phase before each [15s]
              --drain D               how long after the schedule's end to keep sending [10s]
              --seed N                the arrival schedule's seed [1]
              --raw-iterations N      raw PostgreSQL units of work measured per benchmark [500]
              ingestion (SOAP, the existing driver's load):
              --skip-ingestion        leave it out
              --ingest-duration D     each ingestion phase [30s]; --ingest-warmup D [10s]
              --ingest-rate R         the open-loop single-item phase [500]
              --ingest-people N       existing people the items are posted for [200]
              --skip-web              leave out the web benchmarks
              --audit-hook CMD        the audit overhead benchmark [tools/load-driver/audit-overhead.sh if present]
              --cpu NAME=REGEX        CPU of processes whose command line matches (payara=..., postgres=...)
              --docs FILE             write the table into this file's generated section [docs/benchmarks.md]
              --no-docs               print only
              --label TEXT            a line of text stored above the table
            """;

    private final Options o;
    private final PrintStream out;
    private final Map<String, Pattern> cpuGroups = new LinkedHashMap<>();
    private final List<SuiteTable.Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String loadAverage = "unknown";

    Suite(Options o, PrintStream out) {
        this.o = o;
        this.out = out;
        for (String spec : o.all("cpu")) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--cpu is NAME=REGEX");
            }
            cpuGroups.put(spec.substring(0, eq), Pattern.compile(spec.substring(eq + 1)));
        }
    }

    static int main(Options o) throws Exception {
        return new Suite(o, System.out).run();
    }

    int run() throws Exception {
        URI app = URI.create(o.get("app", "http://127.0.0.1:28080/openicr/"));
        LoadDriverMain.requireLoopback(app.getHost(), o.flag("allow-remote"));
        String dbUrl = o.required("db-url");
        java.util.regex.Matcher host =
                Pattern.compile("^jdbc:postgresql://([^:/]+)").matcher(dbUrl);
        LoadDriverMain.requireLoopback(host.find() ? host.group(1) : "", o.flag("allow-remote"));
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Path work = Path.of("target", "suite-" + runId);
        Files.createDirectories(work);
        MachineInfo machine = MachineInfo.current();
        loadAverage = loadAverage();
        out.println("OpenICR benchmark suite, run " + runId + ", application " + app + ", database " + dbUrl);
        machine.lines().forEach(l -> out.println("  " + l));

        try (Connection db = DriverManager.getConnection(dbUrl, o.required("db-user"), o.required("db-password"))) {
            DataSize size = DataSize.of(db);
            out.println("  data: " + size.describe());
            List<BenchDatabase.Target> targets = targets(db);
            if (targets.isEmpty()) {
                throw new IllegalStateException("the database holds no person with items to view");
            }
            for (BenchDatabase.Target t : targets) {
                out.printf(Locale.ROOT, "  target person %d: %d items%n", t.personId(), t.items());
            }
            String ods = o.get("ods", null) != null
                    ? o.get("ods", null)
                    : BenchDatabase.defaultOrganisation(db, targets.get(0));
            String role = o.get("rbac-role", "R8000");
            List<BenchDatabase.Account> accounts = BenchDatabase.prepareAccounts(db, role, ods);
            out.println("  accounts " + BenchDatabase.VIEWER + " (" + role + " at " + ods + ") and "
                    + BenchDatabase.SOURCE + " prepared with new random passwords");
            RawSql.Reader reader = RawSql.reader(db, BenchDatabase.VIEWER);

            if (!o.flag("skip-web")) {
                web(app, accounts.get(0), targets, reader, db);
            }
            if (!o.flag("skip-ingestion")) {
                ingestion(app, accounts.get(1), targets, db, runId, work);
            }
            auditHook(app, dbUrl, accounts.get(0), targets);

            String table = SuiteTable.markdown(header(machine, size, targets, role, ods), rows, notes);
            out.println();
            out.println(table);
            Files.writeString(work.resolve("table.md"), table, StandardCharsets.UTF_8);
            if (!o.flag("no-docs")) {
                Path docs = Path.of(
                        o.get("docs", repoRoot().resolve("docs/benchmarks.md").toString()));
                String before = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "";
                Files.writeString(docs, SuiteTable.replaceSection(before, table), StandardCharsets.UTF_8);
                out.println("Written into " + docs + " (generated section).");
            }
        }
        return 0;
    }

    // ---- targets -----------------------------------------------------------------------------

    private List<BenchDatabase.Target> targets(Connection db) throws SQLException, IOException {
        if (o.get("nhs-numbers", null) != null) {
            return BenchDatabase.byNhsNumbers(
                    db, List.of(o.get("nhs-numbers", null).split(",")));
        }
        if (o.get("person-ids", null) != null) {
            return BenchDatabase.byIds(
                    db,
                    java.util.Arrays.stream(o.get("person-ids", null).split(","))
                            .map(s -> Long.parseLong(s.strip()))
                            .toList());
        }
        if (o.get("targets-file", null) != null) {
            List<String> nhs = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            int limit = o.integer("targets", 5);
            for (String line : Files.readAllLines(Path.of(o.get("targets-file", null)))) {
                String first = line.strip().split("[\\s,;\\t]+")[0];
                if (first.isEmpty() || first.startsWith("#") || !first.matches("[0-9]+")) {
                    continue;
                }
                if (nhs.size() + ids.size() >= limit) {
                    break;
                }
                if (first.length() == 10) {
                    nhs.add(first);
                } else {
                    ids.add(Long.parseLong(first));
                }
            }
            List<BenchDatabase.Target> all = new ArrayList<>(BenchDatabase.byNhsNumbers(db, nhs));
            all.addAll(BenchDatabase.byIds(db, ids));
            return all;
        }
        return BenchDatabase.busiest(db, o.integer("targets", 5));
    }

    // ---- web ---------------------------------------------------------------------------------

    private void web(
            URI app,
            BenchDatabase.Account viewer,
            List<BenchDatabase.Target> targets,
            RawSql.Reader reader,
            Connection db)
            throws Exception {
        int sessionsWanted = o.integer("sessions", 64);
        Duration timeout = Duration.ofSeconds(30);
        out.printf(Locale.ROOT, "Signing in %d sessions as %s...%n", sessionsWanted, viewer.username());
        List<WebSession> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<WebSession>> signing = new ArrayList<>();
            for (int i = 0; i < sessionsWanted; i++) {
                signing.add(pool.submit(() -> {
                    WebSession s = new WebSession(app, timeout);
                    s.signIn(viewer.username(), viewer.password(), null);
                    return s;
                }));
            }
            for (Future<WebSession> f : signing) {
                sessions.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        WebSession first = sessions.get(0);
        List<String> categories = List.of();
        for (BenchDatabase.Target t : targets) {
            WebSession.Page page = first.declareReason(t.personId(), t.nhsNumber());
            if (categories.isEmpty()) {
                categories = RecordPages.categoryLinks(page.body());
            }
        }
        if (categories.isEmpty()) {
            categories = reader.categories();
            notes.add("The record page showed no category links; the category views used the role's categories from"
                    + " role_category.");
        }
        out.println("  reasons on record for " + targets.size() + " people; categories viewed: " + categories);
        List<String> cats = categories;
        int n = targets.size();
        double rate = o.decimal("rate", 50);
        double searchRate = o.decimal("search-rate", 20);
        WebRun run = new WebRun(sessions, System.err);

        webPhase(
                run,
                "record page (`record/view.xhtml?person=`)",
                rate,
                150,
                (s, i) -> {
                    BenchDatabase.Target t = targets.get(i % n);
                    return check(s.get("record/view.xhtml?person=" + t.personId()), t, false);
                },
                RawSql.recordView(reader, i -> targets.get(i % n).personId()),
                db,
                "p95 ≤ 150 ms at 50 views/s");

        webPhase(
                run,
                "category views (`&category=`, " + cats.size() + " categories)",
                rate,
                150,
                (s, i) -> {
                    BenchDatabase.Target t = targets.get(i % n);
                    String category = cats.get((i / n) % cats.size());
                    return check(s.get("record/view.xhtml?person=" + t.personId() + "&category=" + category), t, false);
                },
                RawSql.categoryView(reader, i -> targets.get(i % n).personId(), i -> cats.get((i / n) % cats.size())),
                db,
                "(as the record page)");

        // Each session opens the search page now: the record views above made many views, and JSF keeps
        // only the last few of a session, so a search page opened earlier would have expired.
        for (WebSession s : sessions) {
            s.openSearch();
        }
        webPhase(
                run,
                "search by NHS Number (Ajax)",
                searchRate,
                20,
                (s, i) -> {
                    BenchDatabase.Target t = targets.get(i % n);
                    return check(s.searchByNhsNumber(Html.nhsNumber334(t.nhsNumber())), t, true);
                },
                RawSql.searchByNhsNumber(reader, i -> targets.get(i % n).nhsNumber()),
                db,
                "p95 ≤ 20 ms");

        DateTimeFormatter uk = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        webPhase(
                run,
                "search by family name + date of birth (Ajax)",
                searchRate,
                50,
                (s, i) -> {
                    BenchDatabase.Target t = targets.get(i % n);
                    return check(s.searchByNameAndBirthDate(t.familyName(), uk.format(t.dateOfBirth())), t, true);
                },
                RawSql.searchByNameAndBirthDate(reader, i -> targets.get(i % n).familyName(), i -> targets.get(i % n)
                        .dateOfBirth()),
                db,
                "p95 ≤ 50 ms");
    }

    private static String check(WebSession.Page page, BenchDatabase.Target t, boolean search) {
        if (page.status() != 200) {
            return "HTTP " + page.status();
        }
        boolean ok = search ? RecordPages.isSearchHit(page, t.nhsNumber()) : RecordPages.isRecord(page, t.nhsNumber());
        return ok ? null : "200 without the person's NHS Number";
    }

    private void webPhase(
            WebRun run,
            String name,
            double rate,
            double targetMs,
            WebRun.Request request,
            List<RawSql.Step> raw,
            Connection db,
            String target)
            throws Exception {
        long duration = o.duration("duration", Duration.ofSeconds(60)).toNanos();
        long warmup = o.duration("warmup", Duration.ofSeconds(15)).toNanos();
        long drain = o.duration("drain", Duration.ofSeconds(10)).toNanos();
        long seed = o.longValue("seed", 1);
        out.println("Benchmark: " + name + " at " + rate + "/s");
        if (warmup > 0) {
            run.execute("warm-up", PoissonSchedule.poisson(rate, warmup, seed + 1), drain, request);
        }
        CpuWatch cpu = new CpuWatch(cpuGroups);
        cpu.start();
        WebRun.Summary s = run.execute("measured", PoissonSchedule.poisson(rate, duration, seed), drain, request);
        List<CpuWatch.Usage> usage = cpu.stop();
        Report.cpu(
                out,
                usage,
                cpu.machineBusyShare(),
                s.elapsedSeconds(),
                Runtime.getRuntime().availableProcessors());
        long[] rawTimes = RawSql.measure(
                db, raw, Math.min(50, o.integer("raw-iterations", 500)), o.integer("raw-iterations", 500));
        String result = String.format(
                Locale.ROOT,
                "%s (from scheduled time); %.1f/s achieved, %d ok of %d, errors %d%s%s; service time (send to last byte) p50 %s / p95 %s ms",
                SuiteTable.percentiles(s.fromDue()),
                s.achievedRate(),
                s.ok(),
                s.planned(),
                s.errorCount(),
                s.errors().isEmpty() ? "" : " " + s.errors(),
                s.unsent() > 0 ? ", not sent " + s.unsent() : "",
                SuiteTable.ms(Latencies.percentile(s.service(), 50)),
                SuiteTable.ms(Latencies.percentile(s.service(), 95)));
        out.println("  " + result);
        out.println("  raw PostgreSQL: " + SuiteTable.percentiles(rawTimes) + " (" + raw.size() + " statements)");
        rows.add(new SuiteTable.Row(
                name,
                String.format(Locale.ROOT, "Poisson %.0f/s, %d users, %.0f s", rate, s.sessions(), duration / 1e9),
                result,
                String.format(
                        Locale.ROOT,
                        "%s / %s ms (%d statements)",
                        SuiteTable.ms(Latencies.percentile(rawTimes, 50)),
                        SuiteTable.ms(Latencies.percentile(rawTimes, 95)),
                        raw.size()),
                SuiteTable.cores(usage, s.elapsedSeconds(), s.ok(), "request"),
                target,
                SuiteTable.metP95(s.fromDue(), targetMs, s.errorCount(), s.unsent())));
    }

    // ---- ingestion ---------------------------------------------------------------------------

    private void ingestion(
            URI app,
            BenchDatabase.Account source,
            List<BenchDatabase.Target> targets,
            Connection db,
            String runId,
            Path work)
            throws Exception {
        List<String> people = BenchDatabase.ingestionPeople(db, o.integer("ingest-people", 200), targets);
        if (people.isEmpty()) {
            notes.add("Ingestion left out: no people besides the targets.");
            return;
        }
        URI ws = app.resolve("ws/ingestion");
        SoapClient client = new SoapClient(ws, source.username(), source.password(), Duration.ofSeconds(30));
        Duration duration = o.duration("ingest-duration", Duration.ofSeconds(30));
        Duration warmup = o.duration("ingest-warmup", Duration.ofSeconds(10));
        double rate = o.decimal("ingest-rate", 500);
        long sourceSystemId;
        long organisationId;
        try (PreparedStatement ps = db.prepareStatement("select s.id, s.organisation_id from source_system s"
                + " join user_account a on a.id = s.user_account_id where a.username = ?")) {
            ps.setString(1, source.username());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                sourceSystemId = rs.getLong(1);
                organisationId = rs.getLong(2);
            }
        }
        List<Long> personIds = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("select id from person where nhs_number = any(?)")) {
            ps.setArray(1, db.createArrayOf("varchar", people.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    personIds.add(rs.getLong(1));
                }
            }
        }
        try (AckLog ackLog = AckLog.append(work.resolve("acks.tsv"), "suite " + runId + " user " + source.username())) {
            LoadRun load = new LoadRun(client, people, "s" + runId, ackLog, System.err);
            Duration drain = Duration.ofSeconds(10);
            record IngestPhase(String name, boolean open, int clients, int items, String target, int rawItems) {}
            List<IngestPhase> phases = List.of(
                    new IngestPhase("ingestion: single item, closed loop", false, 16, 1, "≥ 500 messages/s", 1),
                    new IngestPhase("ingestion: 50-item batches, closed loop", false, 8, 50, "≥ 10,000 items/s", 50),
                    new IngestPhase(
                            String.format(Locale.ROOT, "ingestion: single item, open loop at %.0f/s", rate),
                            true,
                            64,
                            1,
                            "p95 ≤ 100 ms at 500/s",
                            1));
            for (IngestPhase p : phases) {
                out.println("Benchmark: " + p.name());
                if (!warmup.isZero() && !p.open()) {
                    load.execute(new LoadRun.Plan(
                            "warm-up", false, p.clients(), p.items(), warmup, 0, rate, drain, Duration.ZERO));
                }
                CpuWatch cpu = new CpuWatch(cpuGroups);
                // Open loop: the warm-up leads into the measured part without a pause (LoadRun.Plan).
                LoadRun.Summary s = load.execute(
                        new LoadRun.Plan(
                                "measured",
                                p.open(),
                                p.clients(),
                                p.items(),
                                duration,
                                0,
                                rate,
                                drain,
                                p.open() ? warmup : Duration.ZERO),
                        cpu::start);
                List<CpuWatch.Usage> usage = cpu.stop();
                Report.table(out, s);
                Report.cpu(
                        out,
                        usage,
                        cpu.machineBusyShare(),
                        s.elapsedSeconds(),
                        Runtime.getRuntime().availableProcessors());
                int iterations = Math.max(50, o.integer("raw-iterations", 500) / (p.items() > 1 ? 5 : 1));
                long[] raw = RawSql.measure(
                        db,
                        RawSql.ingest(
                                sourceSystemId,
                                organisationId,
                                personIds,
                                runId,
                                p.items() + (p.open() ? "o" : "c"),
                                p.items()),
                        10,
                        iterations);
                String result = String.format(
                        Locale.ROOT,
                        "%.1f messages/s = %.0f items/s; ack %s%s; %d acknowledged, faults %d, errors %d%s",
                        s.messagesPerSecond(),
                        s.itemsPerSecond(),
                        SuiteTable.percentiles(s.latencies()),
                        p.open() ? " (from due time)" : " (from send)",
                        s.acknowledged(),
                        s.faultCount(),
                        s.errorCount(),
                        s.unsent() > 0 ? ", not sent " + s.unsent() : "");
                String met;
                if (p.open()) {
                    met = rate >= 500
                            ? SuiteTable.metP95(s.latencies(), 100, s.errorCount() + s.faultCount(), s.unsent())
                            : "n/a (rate below 500/s)";
                } else if (p.items() == 1) {
                    met = s.messagesPerSecond() >= 500 ? "yes" : "**no**";
                } else {
                    met = s.itemsPerSecond() >= 10_000 ? "yes" : "**no**";
                }
                rows.add(new SuiteTable.Row(
                        p.name(),
                        p.open()
                                ? String.format(
                                        Locale.ROOT,
                                        "%.0f messages/s, ≤ %d in flight, %d s",
                                        rate,
                                        p.clients(),
                                        duration.toSeconds())
                                : String.format(
                                        Locale.ROOT,
                                        "%d clients, %d item(s)/message, %d s",
                                        p.clients(),
                                        p.items(),
                                        duration.toSeconds()),
                        result,
                        String.format(
                                Locale.ROOT,
                                "%s / %s ms per %d-row insert + commit",
                                SuiteTable.ms(Latencies.percentile(raw, 50)),
                                SuiteTable.ms(Latencies.percentile(raw, 95)),
                                p.items()),
                        SuiteTable.cores(usage, s.elapsedSeconds(), s.acknowledged(), "message"),
                        p.target(),
                        met));
            }
            int deleted = RawSql.deleteRawItems(db, sourceSystemId, runId);
            out.println("  raw ingestion rows deleted: " + deleted);
        }
        notes.add("Ingestion posts SubmitItems as " + BenchDatabase.SOURCE + " for " + people.size()
                + " existing people (not the viewed ones); its raw PostgreSQL figure is the item rows alone"
                + " (one INSERT ... SELECT FROM unnest, one synchronous commit), without the stored raw message,"
                + " the idempotency check or the audit row the server also writes.");
    }

    // ---- audit overhead hook -----------------------------------------------------------------

    /**
     * The audit overhead benchmark belongs to the audit work: when an executable hook exists
     * ({@code --audit-hook}, or tools/load-driver/audit-overhead.sh), it is run with APP_URL and
     * DB_URL in its environment and each line it prints as
     * {@code ROW benchmark|load|result|raw|cpu|target|met} becomes a row; otherwise the row says it
     * was skipped. The hook also gets the record page benchmark's reader (ICR_CLINICIAN=user:password)
     * and people (ICR_PEOPLE=id,id...), so it measures the same pages.
     */
    private void auditHook(URI app, String dbUrl, BenchDatabase.Account viewer, List<BenchDatabase.Target> targets)
            throws IOException, InterruptedException {
        String hook = o.get("audit-hook", null);
        Path script = hook != null ? Path.of(hook) : repoRoot().resolve("tools/load-driver/audit-overhead.sh");
        if (!Files.isExecutable(script)) {
            out.println("Audit overhead: skipped, no hook at " + script);
            rows.add(new SuiteTable.Row(
                    "audit overhead",
                    "-",
                    "skipped: no audit overhead hook (" + repoRoot().relativize(script.toAbsolutePath())
                            + " not present)",
                    "-",
                    "-",
                    "-",
                    "not measured"));
            return;
        }
        out.println("Audit overhead: running " + script);
        ProcessBuilder pb = new ProcessBuilder(script.toString()).redirectErrorStream(true);
        pb.environment().put("APP_URL", app.toString());
        pb.environment().put("DB_URL", dbUrl);
        pb.environment().put("DB_USER", o.required("db-user"));
        pb.environment().put("DB_PASSWORD", o.required("db-password"));
        // the same reader and the same people as the record page benchmark
        pb.environment().put("ICR_CLINICIAN", viewer.username() + ":" + viewer.password());
        pb.environment()
                .put(
                        "ICR_PEOPLE",
                        String.join(
                                ",",
                                targets.stream()
                                        .map(t -> Long.toString(t.personId()))
                                        .toList()));
        Process p = pb.start();
        p.getOutputStream().close();
        int found = 0;
        for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList()) {
            out.println("  | " + line);
            if (line.startsWith("ROW ")) {
                String[] f = line.substring(4).split("\\|", -1);
                if (f.length == 7) {
                    rows.add(new SuiteTable.Row(f[0], f[1], f[2], f[3], f[4], f[5], f[6]));
                    found++;
                }
            }
        }
        boolean finished = p.waitFor(1, TimeUnit.SECONDS);
        if (found == 0) {
            rows.add(new SuiteTable.Row(
                    "audit overhead",
                    "-",
                    "the hook printed no ROW line (exit " + (finished ? p.exitValue() : "?") + ")",
                    "-",
                    "-",
                    "-",
                    "not measured"));
        }
    }

    // ---- header --------------------------------------------------------------------------------

    private List<String> header(
            MachineInfo machine, DataSize size, List<BenchDatabase.Target> targets, String role, String ods) {
        List<String> h = new ArrayList<>();
        h.add("### Suite run "
                + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        h.add("");
        if (o.get("label", null) != null) {
            h.add(o.get("label", null));
            h.add("");
        }
        boolean dirty = !MachineInfo.command(List.of("git", "status", "--porcelain", "--untracked-files=no"))
                .isEmpty();
        h.add("- commit `" + (machine.commit().isEmpty() ? "unknown" : machine.commit()) + "`"
                + (dirty ? " (with uncommitted changes)" : "") + "; machine: "
                + machine.nproc() + " cores (`nproc`), " + machine.cpuModel() + ", " + memory(machine)
                + "; driver, server and database on it");
        h.add("- data: " + size.describe() + "; load average when the suite started: " + loadAverage);
        h.add("- viewed people: " + targets.size() + " (ids "
                + targets.stream()
                        .map(t -> t.personId() + " (" + t.items() + " items)")
                        .toList() + "), as `" + BenchDatabase.VIEWER + "` (" + role + " at " + ods + ")");
        h.add("- command: `" + "tools/load-driver/suite.sh "
                + String.join(" ", o.raw().stream().map(Suite::shellQuote).toList()) + "`");
        h.add("- web latency: from each request's scheduled (Poisson) time to the last byte of the answer, on loopback"
                + " (the driver's clock: queueing included; no server-side timing); errors: any status but 200, or a"
                + " 200 without the person's NHS Number");
        return h;
    }

    private static String memory(MachineInfo machine) {
        return machine.free().stream()
                .filter(l -> l.startsWith("Mem:"))
                .map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length > 1)
                .map(f -> f[1] + " GiB memory")
                .findFirst()
                .orElse("memory unknown");
    }

    /** The 1, 5 and 15 minute load averages: other work on a shared machine shows here. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2] + " (1 / 5 / 15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** An argument as a shell would need it: plain when safe, else in single quotes. */
    static String shellQuote(String arg) {
        if (arg.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    static Path repoRoot() {
        List<String> top = MachineInfo.command(List.of("git", "rev-parse", "--show-toplevel"));
        return top.isEmpty() ? Path.of("").toAbsolutePath() : Path.of(top.get(0));
    }

    /** How much the database holds. */
    record DataSize(long people, long items, boolean itemsEstimated, String databaseSize) {

        static DataSize of(Connection c) throws SQLException {
            long people = single(c, "select count(*) from person");
            long estimate =
                    single(c, "select greatest(reltuples, 0)::bigint from pg_class where relname = 'record_item'");
            boolean estimated = estimate > 5_000_000;
            long items =
                    estimated ? estimate : single(c, "select count(*) from record_item where withdrawn_at is null");
            String dbSize;
            try (PreparedStatement ps =
                            c.prepareStatement("select pg_size_pretty(pg_database_size(current_database()))");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                dbSize = rs.getString(1);
            }
            return new DataSize(people, items, estimated, dbSize);
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%,d people, %s%,d record items, database %s",
                    people,
                    itemsEstimated ? "about " : "",
                    items,
                    dbSize());
        }

        String dbSize() {
            return databaseSize;
        }

        private static long single(Connection c, String sql) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
