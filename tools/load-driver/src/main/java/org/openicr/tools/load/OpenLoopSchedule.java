package org.openicr.tools.load;

/**
 * When each message of an open-loop run is due. Message i is due at start + i / rate, whatever
 * happened to the messages before it; its acknowledgement time is measured from that due time,
 * not from when a client got round to sending it. A slow server therefore shows up as latency
 * instead of silently lowering the offered rate (the "coordinated omission" that closed-loop
 * measurements suffer from).
 */
public record OpenLoopSchedule(long startNanos, double ratePerSecond, long durationNanos, long maxMessages) {

    public OpenLoopSchedule {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive");
        }
        if (durationNanos <= 0 && maxMessages <= 0) {
            throw new IllegalArgumentException("a duration or a message count is required");
        }
    }

    public double intervalNanos() {
        return 1e9 / ratePerSecond;
    }

    /** The due time of message {@code index} (0-based), in System.nanoTime() terms. */
    public long dueNanos(long index) {
        return startNanos + Math.round(index * intervalNanos());
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
        // Due times are rounded to whole nanoseconds: settle the count exactly at the end.
        long n = (long) Math.ceil(durationNanos / intervalNanos());
        while (n > 0 && dueNanos(n - 1) - startNanos >= durationNanos) {
            n--;
        }
        while (dueNanos(n) - startNanos < durationNanos) {
            n++;
        }
        return maxMessages > 0 ? Math.min(maxMessages, n) : n;
    }

    /** Acknowledgement time of a message answered at {@code answeredNanos}, from its due time. */
    public long latencyNanos(long index, long answeredNanos) {
        return answeredNanos - dueNanos(index);
    }
}
