package org.openicr.tools.load;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * What a flood of wrong HTTP Basic passwords costs the server (issue 16, item 7): {@code clients}
 * callers ask for the ingestion WSDL {@code count} times with wrong passwords for one account (all different
 * with {@code --distinct}, else the same one), optionally as another client address through
 * X-Forwarded-For, while a source's feed keeps posting with the right password. It reports the
 * answers (401 checked, 429 delayed), the latency of refusals and of the feed, and the server's CPU
 * per refusal (with {@code --cpu NAME=REGEX}, as in {@code run}). Before the throttle every wrong
 * password cost one PBKDF2 check: about 0.1 s of CPU (see {@code pbkdf2-cost}).
 */
public final class WrongPasswordFlood {

    private WrongPasswordFlood() {}

    static int main(Options o) throws Exception {
        URI url = URI.create(o.required("url"));
        LoadDriverMain.requireLoopback(url.getHost(), o.flag("allow-remote"));
        String user = o.get("user", "sys.riverside-gp");
        String feedPassword = o.get("password", "Source-demo-gp-1");
        int count = o.integer("count", 2_000);
        int clients = o.integer("clients", 8);
        boolean distinct = o.flag("distinct");
        String floodAddress = o.get("flood-from", null);
        String feedAddress = o.get("feed-from", null);
        Duration timeout = o.duration("timeout", Duration.ofSeconds(30));
        Map<String, Pattern> cpuGroups = new LinkedHashMap<>();
        for (String spec : o.all("cpu")) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--cpu is NAME=REGEX");
            }
            cpuGroups.put(spec.substring(0, eq), Pattern.compile(spec.substring(eq + 1)));
        }
        PrintStream out = System.out;
        out.println("OpenICR wrong-password flood, target " + url + ", account " + user);
        MachineInfo.current().lines().forEach(l -> out.println("  " + l));

        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(clients + 2))
                .build();
        // The feed signs in first, so its address is a known client of the account.
        int first = send(http, url, user, feedPassword, feedAddress, timeout);
        out.println("Feed's first call: HTTP " + first);

        Map<Integer, AtomicLong> statuses = new TreeMap<>();
        ConcurrentHashMap<Integer, AtomicLong> concurrentStatuses = new ConcurrentHashMap<>();
        List<Latencies> refusalLatencies = new ArrayList<>();
        Latencies feedLatencies = new Latencies();
        AtomicLong feedOk = new AtomicLong();
        AtomicLong feedCalls = new AtomicLong();
        AtomicLong next = new AtomicLong();
        CpuWatch cpu = new CpuWatch(cpuGroups);
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        cpu.start();
        long t0 = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            refusalLatencies.add(mine);
            running.add(pool.submit(() -> {
                long i;
                while ((i = next.getAndIncrement()) < count) {
                    String wrong = distinct ? "Wrong-guess-" + i : "Wrong-guess";
                    long s = System.nanoTime();
                    int status = send(http, url, user, wrong, floodAddress, timeout);
                    mine.add(System.nanoTime() - s);
                    concurrentStatuses
                            .computeIfAbsent(status, k -> new AtomicLong())
                            .incrementAndGet();
                }
                return null;
            }));
        }
        Future<?> feed = pool.submit(() -> {
            while (next.get() < count) {
                long s = System.nanoTime();
                int status = send(http, url, user, feedPassword, feedAddress, timeout);
                feedLatencies.add(System.nanoTime() - s);
                feedCalls.incrementAndGet();
                if (status == 200) {
                    feedOk.incrementAndGet();
                }
                Thread.sleep(100);
            }
            return null;
        });
        for (Future<?> f : running) {
            f.get();
        }
        feed.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<CpuWatch.Usage> usage = cpu.stop();
        pool.shutdown();
        statuses.putAll(concurrentStatuses);

        long[] refusals = Latencies.merge(refusalLatencies).sorted();
        long[] feedSorted = feedLatencies.sorted();
        out.printf(
                Locale.ROOT,
                "%d wrong passwords (%s) in %.1f s by %d clients%s: %.0f per second%n",
                count,
                distinct ? "all different" : "the same one",
                seconds,
                clients,
                floodAddress == null ? "" : " as " + floodAddress,
                count / seconds);
        out.println("  answers: " + statuses);
        out.printf(
                Locale.ROOT,
                "  refusal latency p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                Latencies.percentile(refusals, 50) / 1e6,
                Latencies.percentile(refusals, 95) / 1e6,
                refusals.length == 0 ? 0 : refusals[refusals.length - 1] / 1e6);
        out.printf(
                Locale.ROOT,
                "  feed meanwhile%s: %d of %d calls answered 200, p95 %.1f ms%n",
                feedAddress == null ? "" : " (from " + feedAddress + ")",
                feedOk.get(),
                feedCalls.get(),
                feedSorted.length == 0 ? 0 : Latencies.percentile(feedSorted, 95) / 1e6);
        for (CpuWatch.Usage u : usage) {
            out.printf(
                    Locale.ROOT,
                    "  CPU %s: %.2f s (%.2f ms per refusal, %d processes)%n",
                    u.name(),
                    u.cpuSeconds(),
                    u.cpuSeconds() * 1000 / count,
                    u.processes());
        }
        out.printf(Locale.ROOT, "  machine busy: %.0f %%%n", cpu.machineBusyShare() * 100);
        return 0;
    }

    private static int send(
            HttpClient http, URI url, String user, String password, String forwardedFor, Duration timeout)
            throws Exception {
        // The WSDL: behind the same HTTP Basic check as every call, and stores nothing.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "?wsdl"))
                .timeout(timeout)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET();
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
