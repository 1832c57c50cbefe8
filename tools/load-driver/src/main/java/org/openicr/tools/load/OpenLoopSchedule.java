package org.openicr.tools.load;

/**
 * When each message of an open-loop run is due. Message i is due at start + i / rate, whatever
 * happened to the messages before it; its acknowledgement time is measured from that due time,
 * not from when a client got round to sending it. A slow server therefore shows up as latency
 * instead of silently lowering the offered rate (the "coordinated omission" that closed-loop
 * measurements suffer from).
 *
 * <p>With a ramp, the rate climbs evenly from a tenth of the rate to the full rate over {@code
 * rampNanos} and stays there: a warm-up that starts cold (the driver's and the server's code not
 * yet compiled) at the full rate builds a queue it can take a minute to work off, which is the
 * warm-up, not the system, being measured.
 */
public record OpenLoopSchedule(
        long startNanos, double ratePerSecond, long durationNanos, long maxMessages, long rampNanos) {

    /** The rate at the start of a ramp, as a share of the full rate. */
    static final double RAMP_FROM = 0.1;

    public OpenLoopSchedule {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive");
        }
        if (durationNanos <= 0 && maxMessages <= 0) {
            throw new IllegalArgumentException("a duration or a message count is required");
        }
        if (rampNanos < 0) {
            throw new IllegalArgumentException("the ramp cannot be negative");
        }
    }

    /** Full rate from the start. */
    public OpenLoopSchedule(long startNanos, double ratePerSecond, long durationNanos, long maxMessages) {
        this(startNanos, ratePerSecond, durationNanos, maxMessages, 0);
    }

    public double intervalNanos() {
        return 1e9 / ratePerSecond;
    }

    /** The due time of message {@code index} (0-based), in System.nanoTime() terms. */
    public long dueNanos(long index) {
        if (rampNanos == 0) {
            return startNanos + Math.round(index * intervalNanos());
        }
        // Messages due during the ramp: the rate r(t) = r0 + (r - r0) t / T offers
        // n(t) = r0 t + (r - r0) t^2 / 2T by time t; message i is due when n(t) = i.
        double r = ratePerSecond / 1e9;
        double r0 = r * RAMP_FROM;
        double t = rampNanos;
        double duringRamp = (r0 + r) * t / 2;
        if (index >= duringRamp) {
            return startNanos + Math.round(t + (index - duringRamp) / r);
        }
        double a = (r - r0) / (2 * t);
        return startNanos + Math.round((-r0 + Math.sqrt(r0 * r0 + 4 * a * index)) / (2 * a));
    }

    /** The first message due at or after {@code offsetNanos} from the start. */
    public long firstIndexFrom(long offsetNanos) {
        long i = Math.max(0, (long) Math.floor(offsetNanos / intervalNanos()) - 1);
        while (i > 0 && dueNanos(i - 1) - startNanos >= offsetNanos) {
            i--;
        }
        while (dueNanos(i) - startNanos < offsetNanos) {
            i++;
        }
        return i;
    }

    /** Whether message {@code index} belongs to the run: due before the end and within the count. */
    public boolean includes(long index) {
        if (index < 0) {
            return false;
        }
        if (maxMessages > 0 && index >= maxMessages) {
            return false;
        }
        return durationNanos <= 0 || dueNanos(index) - startNanos < durationNanos;
    }

    /** How many messages the run offers in total. */
    public long plannedMessages() {
        if (durationNanos <= 0) {
            return maxMessages;
        }
        long n = firstIndexFrom(durationNanos);
        return maxMessages > 0 ? Math.min(maxMessages, n) : n;
    }

    /** Acknowledgement time of a message answered at {@code answeredNanos}, from its due time. */
    public long latencyNanos(long index, long answeredNanos) {
        return answeredNanos - dueNanos(index);
    }
}
