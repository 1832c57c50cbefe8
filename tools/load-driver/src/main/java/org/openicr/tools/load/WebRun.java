package org.openicr.tools.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One open-loop phase of web load: arrivals are due on a fixed schedule ({@link PoissonSchedule});
 * each signed-in session is one user who, when idle, takes the next due arrival and makes the
 * request (so a user's think time is the gap until the next arrival is theirs: on average
 * sessions / rate seconds). When every user is busy a due arrival waits, and the wait counts:
 * latency is measured from the due time to the last byte of the answer. The time from the send to
 * the last byte (service time, on loopback) is reported beside it.
 */
public final class WebRun {

    /** One request of the benchmark; answers null when the answer is right, else an error label. */
    @FunctionalInterface
    public interface Request {
        String call(WebSession session, int arrival) throws Exception;
    }

    /** Counts and latencies (ascending, nanoseconds) of one phase. */
    public record Summary(
            String name,
            double offeredRate,
            int sessions,
            int planned,
            long ok,
            Map<String, Long> errors,
            long unsent,
            long late,
            double elapsedSeconds,
            long[] fromDue,
            long[] service) {

        public double achievedRate() {
            return elapsedSeconds <= 0 ? 0 : ok / elapsedSeconds;
        }

        public long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final List<WebSession> sessions;
    private final PrintStream progress;

    public WebRun(List<WebSession> sessions, PrintStream progress) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("at least one session is needed");
        }
        this.sessions = List.copyOf(sessions);
        this.progress = progress;
    }

    public Summary execute(String name, PoissonSchedule schedule, long drainNanos, Request request)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        LongAdder ok = new LongAdder();
        LongAdder unsent = new LongAdder();
        LongAdder late = new LongAdder();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        List<Latencies> fromDue = new ArrayList<>();
        List<Latencies> service = new ArrayList<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long giveUp = start + (schedule.size() == 0 ? 0 : schedule.offsetNanos(schedule.size() - 1)) + drainNanos;
        List<Thread> threads = new ArrayList<>();
        for (WebSession session : sessions) {
            Latencies due = new Latencies();
            Latencies svc = new Latencies();
            fromDue.add(due);
            service.add(svc);
            Thread t = new Thread(
                    () -> {
                        while (true) {
                            int i = next.getAndIncrement();
                            if (i >= schedule.size()) {
                                return;
                            }
                            if (System.nanoTime() - giveUp >= 0) {
                                unsent.increment();
                                continue;
                            }
                            long dueAt = start + schedule.offsetNanos(i);
                            long now;
                            while (dueAt - (now = System.nanoTime()) > 0) {
                                LockSupport.parkNanos(dueAt - now);
                            }
                            if (now - dueAt > LATE_NANOS) {
                                late.increment();
                            }
                            String error;
                            try {
                                error = request.call(session, i);
                            } catch (java.net.http.HttpTimeoutException e) {
                                error = "timeout";
                            } catch (java.io.IOException e) {
                                error = "io: " + e.getClass().getSimpleName();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            } catch (Exception e) {
                                String m = String.valueOf(e.getMessage());
                                error = e.getClass().getSimpleName() + ": " + m.substring(0, Math.min(80, m.length()));
                            }
                            long done = System.nanoTime();
                            if (error == null) {
                                ok.increment();
                                due.add(done - dueAt);
                                svc.add(done - now);
                            } else {
                                errors.computeIfAbsent(error, k -> new LongAdder())
                                        .increment();
                            }
                        }
                    },
                    name + "-user-" + threads.size());
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
        Summary s = new Summary(
                name,
                schedule.rate(),
                sessions.size(),
                schedule.size(),
                ok.sum(),
                errorCounts,
                unsent.sum(),
                late.sum(),
                elapsed,
                Latencies.merge(fromDue).sorted(),
                Latencies.merge(service).sorted());
        progress.printf(
                java.util.Locale.ROOT,
                "  %s: %d of %d ok in %.1f s, errors %s, not sent %d%n",
                name,
                s.ok(),
                s.planned(),
                elapsed,
                errorCounts,
                s.unsent());
        return s;
    }
}
