package org.openicr.tools.load;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one phase of SubmitItems load against the service, closed loop (each client sends its next
 * message when the previous one is answered) or open loop (messages are due at a fixed rate,
 * whatever the answers; see {@link OpenLoopSchedule}). Every message has a unique messageId and
 * unique sourceKeys; every acknowledgement is written to the {@link AckLog}.
 */
public final class LoadRun {

    /**
     * A phase. In closed loop {@code clients} is the number of clients; in open loop it is the most
     * messages in flight at once (a due message waits for a free client, and the wait is counted).
     * The phase ends after {@code duration} or {@code count} messages, whichever is set (both: first).
     * An open-loop phase with a {@code warmup} runs it first, in the same schedule without a pause:
     * the rate climbs to the full rate over the first half of the warm-up ({@link OpenLoopSchedule})
     * and holds it; only messages due after the warm-up are measured. (A closed-loop warm-up is a
     * phase of its own.)
     */
    public record Plan(
            String phase,
            boolean openLoop,
            int clients,
            int itemsPerMessage,
            Duration duration,
            long count,
            double rate,
            Duration drain,
            Duration warmup) {

        long warmupNanos() {
            return openLoop && warmup != null ? warmup.toNanos() : 0;
        }
    }

    /** Counts and latencies of one phase. {@code latencies} are in ascending order, in nanoseconds. */
    public record Summary(
            Plan plan,
            long sent,
            long acknowledged,
            Map<String, Long> ackOutcomes,
            Map<String, Long> faults,
            Map<String, Long> errors,
            long unsent,
            long lateSends,
            double elapsedSeconds,
            long[] latencies) {

        public double messagesPerSecond() {
            return elapsedSeconds <= 0 ? 0 : acknowledged / elapsedSeconds;
        }

        public double itemsPerSecond() {
            return messagesPerSecond() * plan.itemsPerMessage();
        }

        public long faultCount() {
            return faults.values().stream().mapToLong(Long::longValue).sum();
        }

        public long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A client that got no answer at all waits this long before its next message, as a source would. */
    private static final long ERROR_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** A send this much after its due time means all clients were busy (open loop). */
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** The bound on the acknowledgement time at the single-item rate (p95). */
    private static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * How a message is made and sent: SOAP SubmitItems ({@link #soap}) or an HL7 v2 message over
     * MLLP ({@link MllpDoor}). {@code send} answers ACK only for a message the service accepted.
     */
    public interface Door {
        Message message(long seq, String messageId, String nhsNumber, int itemsPerMessage);

        SoapClient.Answer send(Message m);
    }

    /** SubmitItems over SOAP: {@code itemsPerMessage} synthetic items for the person. */
    public static Door soap(SoapClient client) {
        return new Door() {
            @Override
            public Message message(long seq, String messageId, String nhsNumber, int itemsPerMessage) {
                List<Envelopes.Item> items = SyntheticRecords.items(messageId, seq * itemsPerMessage, itemsPerMessage);
                List<String> keys =
                        items.stream().map(Envelopes.Item::sourceKey).toList();
                return new Message(messageId, Envelopes.itemBatch(messageId, nhsNumber, items), keys);
            }

            @Override
            public SoapClient.Answer send(Message m) {
                return client.post(Envelopes.SUBMIT_ITEMS, m.envelope());
            }
        };
    }

    private final Door door;
    private final List<String> nhsNumbers;
    private final String runId;
    private final AckLog ackLog;
    private final PrintStream progress;
    private final AtomicLong messageSequence = new AtomicLong();

    public LoadRun(SoapClient client, List<String> nhsNumbers, String runId, AckLog ackLog, PrintStream progress) {
        this(soap(client), nhsNumbers, runId, ackLog, progress);
    }

    public LoadRun(Door door, List<String> nhsNumbers, String runId, AckLog ackLog, PrintStream progress) {
        if (nhsNumbers.isEmpty()) {
            throw new IllegalArgumentException("at least one person is needed");
        }
        this.door = door;
        this.nhsNumbers = List.copyOf(nhsNumbers);
        this.runId = runId;
        this.ackLog = ackLog;
        this.progress = progress;
    }

    /** The messageId prefix of this run: every message of the run starts with it. */
    public static String messageIdPrefix(String runId) {
        return "ld-" + runId + "-";
    }

    public Summary execute(Plan plan) throws InterruptedException {
        return execute(plan, () -> {});
    }

    /**
     * Runs the phase; {@code measuring} runs when its measured part starts (after an open-loop
     * phase's warm-up), for instance to start counting CPU time.
     */
    public Summary execute(Plan plan, Runnable measuring) throws InterruptedException {
        Phase phase = new Phase(plan);
        List<Thread> threads = new ArrayList<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(phase::report, 5, 5, TimeUnit.SECONDS);
        if (plan.warmupNanos() > 0) {
            ticker.schedule(measuring, phase.measuredFrom - System.nanoTime(), TimeUnit.NANOSECONDS);
        } else {
            measuring.run();
        }
        for (int c = 0; c < plan.clients(); c++) {
            Thread t = new Thread(plan.openLoop() ? phase::openLoopClient : phase::closedLoopClient, "client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        ticker.shutdownNow();
        ackLog.flush();
        if (plan.openLoop()) {
            phase.printSlowSeconds();
        }
        return phase.summary(System.nanoTime());
    }

    /**
     * One message ready to send: its text (a SOAP envelope or HL7 v2) and the keys of the items the
     * durability check will look for (none for a message that only registers a person).
     */
    public record Message(String messageId, String envelope, List<String> sourceKeys) {}

    private Message message(int itemsPerMessage) {
        long seq = messageSequence.getAndIncrement();
        String messageId = messageIdPrefix(runId) + seq;
        String nhsNumber = nhsNumbers.get((int) (seq % nhsNumbers.size()));
        return door.message(seq, messageId, nhsNumber, itemsPerMessage);
    }

    /** The shared state of one running phase. */
    private final class Phase {
        final Plan plan;
        final long start = System.nanoTime();
        /** Messages due from here on are measured (open loop: the warm-up is before it). */
        final long measuredFrom;
        /** The wall-clock time of {@link #measuredFrom}, to match slow seconds with server logs. */
        final Instant measuredAt;

        final long end;
        final OpenLoopSchedule schedule;
        final AtomicLong issued = new AtomicLong();
        final LongAdder sent = new LongAdder();
        final LongAdder acked = new LongAdder();
        final LongAdder unsent = new LongAdder();
        final LongAdder late = new LongAdder();
        final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final List<Latencies> latencies = new ArrayList<>();
        /** Open loop: per second of due time, the acknowledgements slower than {@link #SLOW_NANOS}. */
        final AtomicLongArray slowBySecond;

        Phase(Plan plan) {
            this.plan = plan;
            long durationNanos = plan.duration() == null ? 0 : plan.duration().toNanos();
            long warmupNanos = plan.warmupNanos();
            this.measuredFrom = start + warmupNanos;
            this.measuredAt = Instant.now().plusNanos(measuredFrom - System.nanoTime());
            this.end = durationNanos > 0 ? start + durationNanos : Long.MAX_VALUE;
            if (plan.openLoop()) {
                if (warmupNanos > 0 && durationNanos <= 0) {
                    throw new IllegalArgumentException("an open-loop warm-up needs a duration");
                }
                long total = durationNanos > 0 ? warmupNanos + durationNanos : 0;
                this.schedule = new OpenLoopSchedule(start, plan.rate(), total, plan.count(), warmupNanos / 2);
                this.slowBySecond = new AtomicLongArray(
                        (int) ((schedule.dueNanos(schedule.plannedMessages()) - measuredFrom) / 1_000_000_000L) + 1);
            } else {
                this.schedule = null;
                this.slowBySecond = new AtomicLongArray(0);
            }
        }

        /**
         * Where in the run the slow acknowledgements were: queueing spread evenly over the run, or
         * bursts (a garbage collection, a checkpoint, autovacuum, a timer) at a few seconds.
         */
        void printSlowSeconds() {
            StringBuilder line = new StringBuilder("  [" + plan.phase() + "] acknowledgements over "
                    + SLOW_NANOS / 1_000_000 + " ms, by second of the measured part from "
                    + measuredAt.truncatedTo(ChronoUnit.SECONDS) + " (second:count):");
            int seconds = 0;
            for (int i = 0; i < slowBySecond.length(); i++) {
                long n = slowBySecond.get(i);
                if (n > 0) {
                    line.append(' ').append(i).append(':').append(n);
                    seconds++;
                }
            }
            if (seconds == 0) {
                line.append(" none");
            }
            progress.println(line);
        }

        synchronized Latencies newLatencies() {
            Latencies l = new Latencies();
            latencies.add(l);
            return l;
        }

        void closedLoopClient() {
            Latencies mine = newLatencies();
            while (true) {
                long i = issued.getAndIncrement();
                if ((plan.count() > 0 && i >= plan.count()) || System.nanoTime() - end >= 0) {
                    return;
                }
                Message m = message(plan.itemsPerMessage());
                long sentAt = System.nanoTime();
                SoapClient.Answer answer = door.send(m);
                record(m, answer, System.nanoTime() - sentAt, mine);
                if (answer.kind() == SoapClient.Kind.ERROR) {
                    LockSupport.parkNanos(ERROR_BACKOFF_NANOS);
                }
            }
        }

        void openLoopClient() {
            Latencies mine = newLatencies();
            // Past this point due messages are no longer sent but counted as unsent, so that a
            // server that cannot keep up does not keep the run going for ever.
            long planned = schedule.plannedMessages();
            long giveUp = schedule.dueNanos(planned) + plan.drain().toNanos();
            while (true) {
                long i = issued.getAndIncrement();
                if (!schedule.includes(i)) {
                    return;
                }
                long due = schedule.dueNanos(i);
                boolean measured = due - measuredFrom >= 0;
                if (System.nanoTime() - giveUp >= 0) {
                    if (measured) {
                        unsent.increment();
                    }
                    continue;
                }
                Message m = message(plan.itemsPerMessage());
                long now;
                while (due - (now = System.nanoTime()) > 0) {
                    LockSupport.parkNanos(due - now);
                }
                if (measured && now - due > LATE_NANOS) {
                    late.increment();
                }
                SoapClient.Answer answer = door.send(m);
                long latency = schedule.latencyNanos(i, System.nanoTime());
                if (!measured) {
                    // Warm-up: durable like any other message (verify checks it), not measured.
                    if (answer.kind() == SoapClient.Kind.ACK) {
                        ackLog.acknowledged(m.messageId(), answer.code(), m.sourceKeys());
                    }
                    continue;
                }
                record(m, answer, latency, mine);
                if (latency > SLOW_NANOS) {
                    int second = (int) ((due - measuredFrom) / 1_000_000_000L);
                    if (second < slowBySecond.length()) {
                        slowBySecond.incrementAndGet(second);
                    }
                }
            }
        }

        void record(Message m, SoapClient.Answer answer, long latencyNanos, Latencies mine) {
            sent.increment();
            switch (answer.kind()) {
                case ACK -> {
                    acked.increment();
                    mine.add(latencyNanos);
                    count(outcomes, answer.code());
                    ackLog.acknowledged(m.messageId(), answer.code(), m.sourceKeys());
                }
                case FAULT -> count(faults, answer.code());
                case ERROR -> count(errors, answer.code());
            }
        }

        void report() {
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.printf(
                    "  [%s %4.0f s] sent %d, acknowledged %d (%.1f/s), faults %d, errors %d%n",
                    plan.phase(),
                    seconds,
                    sent.sum(),
                    acked.sum(),
                    acked.sum() / seconds,
                    total(faults),
                    total(errors));
            ackLog.flush();
        }

        Summary summary(long finished) {
            double elapsed = (finished - measuredFrom) / 1e9;
            return new Summary(
                    plan,
                    sent.sum(),
                    acked.sum(),
                    sums(outcomes),
                    sums(faults),
                    sums(errors),
                    unsent.sum(),
                    late.sum(),
                    elapsed,
                    Latencies.merge(latencies).sorted());
        }
    }

    private static void count(Map<String, LongAdder> counters, String key) {
        counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static long total(Map<String, LongAdder> counters) {
        return counters.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> sums = new TreeMap<>();
        counters.forEach((k, v) -> sums.put(k, v.sum()));
        return sums;
    }
}
