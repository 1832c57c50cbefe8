package org.openicr.tools.load;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ingestion benchmark harness. {@code run} creates synthetic people, then posts SubmitItems load
 * and prints a report; {@code verify} checks in PostgreSQL that every acknowledged message of an ack
 * log is stored (the kill -9 test). See docs/benchmarks.md for the commands behind each figure.
 */
public final class LoadDriverMain {

    static final String USAGE =
            """
            usage: java -jar load-driver.jar run --url URL [options]
                   java -jar load-driver.jar run --mllp PORT [options]   (HL7 v2 ADT^A28 over MLLP on 127.0.0.1)
                   java -jar load-driver.jar verify --ack-log FILE --db-url JDBC_URL --db-user U --db-password P
                   java -jar load-driver.jar pbkdf2-cost   (CPU of one HTTP Basic password check here)
                   java -jar load-driver.jar suite --db-url JDBC_URL ...   (every benchmark; suite --help)
                   java -jar load-driver.jar flood --url URL [--user U --password P] [--count N] [--clients N]
                        [--distinct] [--flood-from ADDR] [--feed-from ADDR] [--cpu NAME=REGEX]
                        (wrong HTTP Basic passwords for one account while its feed posts: answers, CPU per refusal)

            run options (defaults in brackets):
              --url URL               the ingestion endpoint, e.g. http://localhost:30080/openicr/ws/ingestion
              --mllp PORT             send HL7 v2 over MLLP to 127.0.0.1:PORT instead of SOAP (the demo's listener
                                      is at port base + 75): each message an ADT^A28 from PAS^RX901 (the demo
                                      PAS) registering a new person, on one connection per client; no setup
              --user/--password       source account [sys.riverside-gp / Source-demo-gp-1, the demo's;
                                      with --mllp, sys.avonvale-pas: the ack log's account, for verify]
              --people N              synthetic people created through SubmitDemographics first [100]
              --nhs-stem NNNNNNNNN    first nine digits of the first NHS Number [999100000]
              --skip-setup            the people exist already (same --people and --nhs-stem)
              --scenario single|batch one item per message, or 50 [single]
              --items N               items per message (overrides the scenario's)
              --clients N             closed loop: clients; open loop: most messages in flight [8 / 64]
              --duration D            e.g. 30s, 2m [30s unless --count is given]
              --count N               stop after N messages
              --rate R                open loop: messages due per second (latency from due time)
              --drain D               open loop: how long after the schedule's end to keep sending [10s]
              --warmup D              unmeasured load first [0s]: closed loop, a phase of its own; open loop,
                                      the same schedule leading into the measured part, the rate
                                      climbing from a tenth to --rate over its first half
              --timeout D             per request [30s]
              --run-id ID             part of every messageId and sourceKey [generated]
              --ack-log FILE          acknowledged messageIds and sourceKeys [target/acks-<run-id>.tsv]
              --result FILE           append the result as one JSON line
              --label TEXT            free text stored with the result
              --cpu NAME=REGEX        report CPU of processes whose command line matches, with children
              --top                   print a 'top -b -n 1' snapshot taken halfway through
              --allow-remote          allow a target other than this machine (refused by default)
            verify options:
              --user U                the source account whose messages were logged [sys.riverside-gp]
              --run-id ID             also count this run's messages accepted without an ack seen
            """;

    private LoadDriverMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            System.out.print(USAGE);
            return;
        }
        if (args[0].equals("suite") && args.length > 1 && args[1].equals("--help")) {
            System.out.print(Suite.USAGE);
            return;
        }
        int status;
        try {
            Options o = new Options(Arrays.asList(args).subList(1, args.length));
            status = switch (args[0]) {
                case "run" -> run(o);
                case "verify" -> verify(o);
                case "pbkdf2-cost" -> passwordCheckCost();
                case "flood" -> WrongPasswordFlood.main(o);
                case "suite" -> Suite.main(o);
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            };
        } catch (IllegalArgumentException e) {
            System.err.println("load-driver: " + e.getMessage());
            System.err.print(USAGE);
            status = 64;
        }
        System.exit(status);
    }

    static int run(Options o) throws Exception {
        Integer mllpPort = o.get("mllp", null) == null ? null : o.integer("mllp", 0);
        URI url = mllpPort != null ? URI.create("mllp://127.0.0.1:" + mllpPort) : URI.create(o.required("url"));
        requireLoopback(url.getHost(), o.flag("allow-remote"));
        String user = o.get("user", mllpPort != null ? "sys.avonvale-pas" : "sys.riverside-gp");
        String password = o.get("password", "Source-demo-gp-1");
        String scenario = o.get("scenario", "single");
        int items = o.integer(
                "items",
                switch (scenario) {
                    case "single" -> 1;
                    case "batch" -> 50;
                    default -> throw new IllegalArgumentException("--scenario is single or batch");
                });
        if (items < 1 || items > 500) {
            throw new IllegalArgumentException("--items must be 1 to 500 (the contract's limit)");
        }
        boolean open = o.get("rate", null) != null;
        long count = o.longValue("count", 0);
        Duration duration = o.duration("duration", count > 0 ? Duration.ZERO : Duration.ofSeconds(30));
        int clients = o.integer("clients", open ? 64 : 8);
        String runId = o.get("run-id", Long.toString(System.currentTimeMillis(), 36));
        if (!runId.matches("[A-Za-z0-9]{1,40}")) {
            throw new IllegalArgumentException("--run-id is 1-40 letters and digits");
        }
        Path ackPath = Path.of(o.get("ack-log", "target/acks-" + runId + ".tsv"));
        int people = o.integer("people", 100);
        List<String> nhsNumbers = NhsNumbers.sequence(o.longValue("nhs-stem", NhsNumbers.DEFAULT_STEM), people);
        Map<String, Pattern> cpuGroups = new LinkedHashMap<>();
        for (String spec : o.all("cpu")) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--cpu is NAME=REGEX");
            }
            cpuGroups.put(spec.substring(0, eq), Pattern.compile(spec.substring(eq + 1)));
        }

        PrintStream out = System.out;
        MachineInfo machine = MachineInfo.current();
        out.println("OpenICR ingestion load driver, run " + runId + ", target " + url);
        machine.lines().forEach(l -> out.println("  " + l));

        SoapClient client = mllpPort != null
                ? null
                : new SoapClient(url, user, password, o.duration("timeout", Duration.ofSeconds(30)));
        // Over MLLP each message registers a new person (fresh NHS Numbers from --nhs-stem, default
        // from the clock so that runs rarely meet): no people are set up first.
        LoadRun.Door door = mllpPort != null
                ? new MllpDoor(
                        "127.0.0.1",
                        mllpPort,
                        o.duration("timeout", Duration.ofSeconds(30)),
                        o.longValue("nhs-stem", 999_300_000L + (System.currentTimeMillis() / 1000 % 60_000) * 10))
                : LoadRun.soap(client);
        if (mllpPort != null) {
            out.println("Setup: none over MLLP (each ADT^A28 registers a new person)");
        } else if (!o.flag("skip-setup")) {
            long t0 = System.nanoTime();
            Map<String, Integer> problems = PeopleSetup.create(client, nhsNumbers, runId, Math.min(clients, 8));
            out.printf(
                    Locale.ROOT,
                    "Setup: %d people (NHS Numbers %s to %s) posted through SubmitDemographics in %.1f s%n",
                    people,
                    nhsNumbers.get(0),
                    nhsNumbers.get(people - 1),
                    (System.nanoTime() - t0) / 1e9);
            if (!problems.isEmpty()) {
                out.println("Setup failed, not all people were acknowledged: " + problems);
                return 2;
            }
        }

        try (AckLog ackLog = AckLog.append(ackPath, "run " + runId + " user " + user + " url " + url)) {
            LoadRun load = new LoadRun(door, nhsNumbers, runId, ackLog, System.err);
            double rate = o.decimal("rate", 0);
            Duration drain = o.duration("drain", Duration.ofSeconds(10));
            Duration warmup = o.duration("warmup", Duration.ZERO);
            if (!warmup.isZero() && !open) {
                LoadRun.Summary w = load.execute(
                        new LoadRun.Plan("warm-up", false, clients, items, warmup, 0, rate, drain, Duration.ZERO));
                Report.table(out, w);
            }
            // Open loop: the warm-up leads into the measured part without a pause (LoadRun.Plan).
            LoadRun.Plan plan = new LoadRun.Plan(
                    "measured", open, clients, items, duration, count, rate, drain, open ? warmup : Duration.ZERO);
            CpuWatch cpu = new CpuWatch(cpuGroups);
            AtomicReference<List<String>> top = new AtomicReference<>(List.of());
            Thread snapshot = topSnapshot(o.flag("top"), duration, top);
            LoadRun.Summary s = load.execute(plan, cpu::start);
            List<CpuWatch.Usage> usages = cpu.stop();
            double busy = cpu.machineBusyShare();
            if (snapshot != null) {
                snapshot.interrupt();
            }
            Report.table(out, s);
            Report.cpu(out, usages, busy, s.elapsedSeconds(), machine.nproc());
            if (!top.get().isEmpty()) {
                out.println("top -b -n 1 halfway through the phase:");
                top.get().forEach(l -> out.println("  " + l));
            }
            String json = Report.json(s, machine, runId, o.get("label", ""));
            out.println("RESULT " + json);
            out.println("Acknowledged messages logged in " + ackPath);
            if (o.get("result", null) != null) {
                Path result = Path.of(o.get("result", null));
                if (result.getParent() != null) {
                    Files.createDirectories(result.getParent());
                }
                Files.writeString(
                        result,
                        json + System.lineSeparator(),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        }
        return 0;
    }

    static int verify(Options o) throws Exception {
        String dbUrl = o.required("db-url");
        Matcher host = Pattern.compile("^jdbc:postgresql://([^:/]+)").matcher(dbUrl);
        requireLoopback(host.find() ? host.group(1) : "", o.flag("allow-remote"));
        String user = o.get("user", "sys.riverside-gp");
        List<AckLog.Entry> acked = AckLog.read(Path.of(o.required("ack-log")));
        Verifier verifier = new Verifier();
        try (Connection c = DriverManager.getConnection(dbUrl, o.required("db-user"), o.required("db-password"))) {
            Verifier.Result r = verifier.verify(c, user, acked);
            verifier.describe(c).forEach(System.out::println);
            System.out.printf(
                    "acknowledged: %d, missing: %d (items acknowledged: %d, items missing: %d)%n",
                    r.acknowledged(), r.missingMessages(), r.expectedItems(), r.missingItems());
            if (!r.missingSamples().isEmpty()) {
                System.out.println("  first missing messageIds: " + r.missingSamples());
            }
            String runId = o.get("run-id", null);
            if (runId != null) {
                long accepted = verifier.acceptedWithPrefix(c, user, LoadRun.messageIdPrefix(runId));
                System.out.printf(
                        "accepted in the database for run %s: %d (of which without an acknowledgement seen: %d)%n",
                        runId, accepted, accepted - r.acceptedRows());
            }
            return r.missingMessages() == 0 ? 0 : 1;
        }
    }

    static int passwordCheckCost() throws Exception {
        double ms = PasswordCheckCost.cpuMillisPerCheck(20);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                Locale.ROOT,
                "PBKDF2WithHmacSHA256, %d iterations: %.1f ms CPU per password check;"
                        + " %d cores can do at most %.0f checks (so SOAP calls) per second%n",
                PasswordCheckCost.ITERATIONS,
                ms,
                cores,
                cores * 1000 / ms);
        return 0;
    }

    /** A load driver must not be pointed at someone else's service by a typo. */
    static void requireLoopback(String host, boolean allowRemote) {
        if (allowRemote) {
            return;
        }
        String h = host == null ? "" : host.replace("[", "").replace("]", "");
        if (!(h.equals("localhost") || h.startsWith("127.") || h.equals("::1"))) {
            throw new IllegalArgumentException(
                    "target host '" + host + "' is not this machine; add --allow-remote if that is intended");
        }
    }

    private static Thread topSnapshot(boolean wanted, Duration duration, AtomicReference<List<String>> into) {
        if (!wanted || duration.isZero()) {
            return null;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        Thread.sleep(duration.toMillis() / 2);
                    } catch (InterruptedException e) {
                        return;
                    }
                    List<String> lines = MachineInfo.command(List.of("top", "-b", "-n", "1", "-w", "150"));
                    into.set(lines.subList(0, Math.min(lines.size(), 17)));
                },
                "top-snapshot");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
