package org.openicr.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Slows down whoever keeps presenting wrong passwords, instead of locking accounts for good (issue
 * 16, item 7). Failures are counted per account, per client address and per account and address
 * together; after a few free failures each key is delayed, for a time that doubles with every
 * further failure up to a ceiling. While a key is delayed, attempts are answered at once as "try
 * again later" without their password being checked, and are not counted (nobody is made to wait
 * on a thread, and a flood costs no PBKDF2). A key is forgotten after a quiet period, so nothing
 * lasts for ever.
 *
 * <p>A <em>known client</em> (an address that signed in successfully with that account within
 * {@link Policy#knownClientFor}) is judged only by its own failures with that account: strangers
 * who flood a source system's account from elsewhere slow themselves down, not the source's feed.
 *
 * <p>Pure policy and in-memory state, bounded in size: the oldest entries go first when a map is
 * full. Account names are compared without case. Thread-safe (every operation is short).
 */
@ApplicationScoped
public class SignInThrottle {

    /**
     * The settings.
     *
     * @param freePerAccount failures per account (from strangers) before delays start
     * @param freePerAddress failures per client address before delays start: high, because many
     *     staff of one trust may share a proxy's address
     * @param freePerPair failures per account and address before delays start
     * @param firstDelay the first delay; each further failure doubles it
     * @param maxDelay the ceiling of a delay
     * @param forgetAfter a key with no failure for this long starts again from nothing
     * @param knownClientFor how long after a successful sign-in an address is a known client of that account
     * @param maxEntries the most entries each map keeps
     */
    public record Policy(
            int freePerAccount,
            int freePerAddress,
            int freePerPair,
            Duration firstDelay,
            Duration maxDelay,
            Duration forgetAfter,
            Duration knownClientFor,
            int maxEntries) {

        public static final Policy DEFAULT = new Policy(
                5,
                100,
                5,
                Duration.ofSeconds(5),
                Duration.ofMinutes(15),
                Duration.ofHours(1),
                Duration.ofHours(24),
                100_000);

        /**
         * The default, with what the environment sets: {@code OPENICR_SIGNIN_FREE_FAILURES} (per account
         * and per account and address), {@code OPENICR_SIGNIN_FREE_FAILURES_PER_ADDRESS},
         * {@code OPENICR_SIGNIN_FIRST_DELAY_SECONDS}, {@code OPENICR_SIGNIN_MAX_DELAY_SECONDS}.
         */
        public static Policy from(Function<String, String> environment) {
            int free = number(environment, "OPENICR_SIGNIN_FREE_FAILURES", DEFAULT.freePerAccount());
            return new Policy(
                    free,
                    number(environment, "OPENICR_SIGNIN_FREE_FAILURES_PER_ADDRESS", DEFAULT.freePerAddress()),
                    free,
                    Duration.ofSeconds(number(environment, "OPENICR_SIGNIN_FIRST_DELAY_SECONDS", (int)
                            DEFAULT.firstDelay().toSeconds())),
                    Duration.ofSeconds(number(environment, "OPENICR_SIGNIN_MAX_DELAY_SECONDS", (int)
                            DEFAULT.maxDelay().toSeconds())),
                    DEFAULT.forgetAfter(),
                    DEFAULT.knownClientFor(),
                    DEFAULT.maxEntries());
        }

        private static int number(Function<String, String> environment, String name, int otherwise) {
            String value = environment.apply(name);
            if (value == null || value.isBlank()) {
                return otherwise;
            }
            int parsed = Integer.parseInt(value.strip());
            if (parsed < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, not " + value);
            }
            return parsed;
        }

        /** The delay after this many failures in a row on a key that allows {@code free} of them. */
        public Duration delayAfter(int failures, int free) {
            if (failures <= free) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - free - 1, 40);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /** The answer before a password is checked: go on, or try again after {@code retryAfter}. */
    public record Decision(Duration retryAfter) {

        static final Decision ALLOWED = new Decision(Duration.ZERO);

        public boolean allowed() {
            return retryAfter.isZero();
        }

        /** Whole seconds to wait, rounded up (for a Retry-After header). */
        public long retryAfterSeconds() {
            long seconds = retryAfter.toSeconds();
            return retryAfter.minusSeconds(seconds).isZero() ? seconds : seconds + 1;
        }
    }

    private static final class Count {
        int failures;
        long lastFailure;
        long blockedUntil;
    }

    private final Policy policy;
    private final LongSupplier nanoTime;
    private final Map<String, Count> accounts = new LinkedHashMap<>();
    private final Map<String, Count> addresses = new LinkedHashMap<>();
    private final Map<String, Count> pairs = new LinkedHashMap<>();
    private final Map<String, Long> knownClients = new LinkedHashMap<>();

    public SignInThrottle() {
        this(Policy.from(System::getenv), System::nanoTime);
    }

    public SignInThrottle(Policy policy, LongSupplier nanoTime) {
        this.policy = policy;
        this.nanoTime = nanoTime;
    }

    public Policy policy() {
        return policy;
    }

    /** Whether an attempt with this account from this address may have its password checked now. */
    public synchronized Decision before(String account, String address) {
        long now = nanoTime.getAsLong();
        String name = normal(account);
        long wait = remaining(pairs, pair(name, address), now);
        if (!isKnown(name, address, now)) {
            wait = Math.max(wait, remaining(accounts, name, now));
            wait = Math.max(wait, remaining(addresses, address, now));
        }
        return wait <= 0 ? Decision.ALLOWED : new Decision(Duration.ofNanos(wait));
    }

    /** A wrong password (or an unknown account) was presented with this account from this address. */
    public synchronized void failed(String account, String address) {
        long now = nanoTime.getAsLong();
        String name = normal(account);
        count(accounts, name, policy.freePerAccount(), now);
        count(addresses, address, policy.freePerAddress(), now);
        count(pairs, pair(name, address), policy.freePerPair(), now);
    }

    /**
     * The account signed in from this address: the address becomes its known client and its own
     * failures are forgotten. The account's count of strangers' failures is kept (it decays by
     * itself): a source's feed signing in must not reset the delay of someone flooding its account.
     */
    public synchronized void succeeded(String account, String address) {
        long now = nanoTime.getAsLong();
        String name = normal(account);
        String pair = pair(name, address);
        pairs.remove(pair);
        knownClients.remove(pair);
        knownClients.put(pair, now);
        trim(knownClients, now, policy.knownClientFor());
    }

    /** An administrator unlocked the account or set its password: its delays end. */
    public synchronized void forgetAccount(String account) {
        String name = normal(account);
        accounts.remove(name);
        String prefix = name + '\u0000';
        pairs.keySet().removeIf(key -> key.startsWith(prefix));
    }

    /** Whether this address signed in successfully with this account recently. */
    public synchronized boolean isKnownClient(String account, String address) {
        return isKnown(normal(account), address, nanoTime.getAsLong());
    }

    private boolean isKnown(String name, String address, long now) {
        Long at = knownClients.get(pair(name, address));
        return at != null && now - at < policy.knownClientFor().toNanos();
    }

    private long remaining(Map<String, Count> map, String key, long now) {
        Count count = map.get(key);
        if (count == null) {
            return 0;
        }
        if (now - count.lastFailure >= policy.forgetAfter().toNanos()) {
            map.remove(key);
            return 0;
        }
        return count.blockedUntil - now;
    }

    private void count(Map<String, Count> map, String key, int free, long now) {
        Count count = map.remove(key);
        if (count == null || now - count.lastFailure >= policy.forgetAfter().toNanos()) {
            count = new Count();
        }
        count.failures++;
        count.lastFailure = now;
        Duration delay = policy.delayAfter(count.failures, free);
        if (!delay.isZero()) {
            count.blockedUntil = now + delay.toNanos();
        }
        map.put(key, count); // last in iteration order: the oldest are evicted first
        trim(map, now, policy.forgetAfter());
    }

    /** Keeps a map within its bound: stale entries go first, then the oldest. */
    private <V> void trim(Map<String, V> map, long now, Duration staleAfter) {
        if (map.size() <= policy.maxEntries()) {
            return;
        }
        long stale = staleAfter.toNanos();
        map.values().removeIf(v -> now - (v instanceof Count c ? c.lastFailure : (Long) v) >= stale);
        Iterator<String> oldest = map.keySet().iterator();
        while (map.size() > policy.maxEntries() * 9L / 10 && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private static String normal(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }

    private static String pair(String name, String address) {
        return name + '\u0000' + address;
    }
}
