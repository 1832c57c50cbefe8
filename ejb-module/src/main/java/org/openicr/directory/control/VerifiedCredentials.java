package org.openicr.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short time, that a source system's account presented the right password, so
 * that a system posting hundreds of messages a second with HTTP Basic does not pay the PBKDF2 cost
 * (about 0.1 s of CPU) on every call. Only an HMAC of username and password under a key that exists
 * in this JVM alone is kept, never the password. People's sign-ins never use it (they sign in once
 * per session), and any failed attempt, lock, disable or password change forgets the account.
 *
 * <p>A credential in use is checked again before it expires, by one caller only: from
 * {@link #CHECK_AGAIN_AFTER} the first caller is told to check the hash while every other caller
 * still uses the entry. An expired or unknown credential is checked by one caller at a time per
 * account ({@link #checking}). Without both, the entry expired under load every minute and each of
 * the server's worker threads checked the hash at once: a second of both cores, and a queue of
 * messages behind it (docs/decisions.md, "One check of an expiring credential").
 */
@ApplicationScoped
public class VerifiedCredentials {

    /** How long a verified system credential is trusted without checking the hash again. */
    public static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

    /** From this age on, one caller checks the hash again while the others still use the entry. */
    public static final Duration CHECK_AGAIN_AFTER = Duration.ofSeconds(40);

    /** Locks for the callers who must check the hash, shared by accounts whose names hash alike. */
    private static final int LOCK_STRIPES = 64;

    /**
     * What the cache knows of a username and password.
     *
     * @param groups the groups remembered for them, or null when there is no usable entry
     * @param checkHash whether this caller must check the password against the directory
     */
    public record Verdict(Set<String> groups, boolean checkHash) {

        public static final Verdict UNKNOWN = new Verdict(null, true);

        /** Whether the caller may go on with the remembered groups (it may also have to check again). */
        public boolean remembered() {
            return groups != null;
        }
    }

    private record Entry(byte[] mac, Set<String> groups, long verifiedAtNanos, AtomicBoolean checkClaimed) {}

    private final SecretKeySpec key;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Lock[] locks = new Lock[LOCK_STRIPES];

    public VerifiedCredentials() {
        this(System::nanoTime);
    }

    VerifiedCredentials(LongSupplier nanoTime) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.nanoTime = nanoTime;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Whether these credentials were verified recently. When the entry is older than
     * {@link #CHECK_AGAIN_AFTER}, exactly one caller gets {@code checkHash} with the groups; the others
     * go on without checking until {@link #TIME_TO_LIVE}.
     */
    public Verdict verdict(String username, char[] password) {
        Entry entry = username == null ? null : entries.get(username);
        if (entry == null) {
            return Verdict.UNKNOWN;
        }
        long age = nanoTime.getAsLong() - entry.verifiedAtNanos();
        if (age >= TIME_TO_LIVE.toNanos()) {
            entries.remove(username, entry);
            return Verdict.UNKNOWN;
        }
        if (!MessageDigest.isEqual(entry.mac(), mac(username, password))) {
            return Verdict.UNKNOWN;
        }
        boolean checkNow =
                age >= CHECK_AGAIN_AFTER.toNanos() && entry.checkClaimed().compareAndSet(false, true);
        return new Verdict(entry.groups(), checkNow);
    }

    /**
     * The lock a caller holds while it checks an unknown or expired credential, so that callers
     * presenting the same account wait for one check and then find it remembered.
     */
    public Lock checking(String username) {
        int hash = username == null ? 0 : username.hashCode();
        return locks[Math.floorMod(hash, LOCK_STRIPES)];
    }

    public void remember(String username, char[] password, Set<String> groups) {
        entries.put(
                username,
                new Entry(mac(username, password), Set.copyOf(groups), nanoTime.getAsLong(), new AtomicBoolean()));
    }

    public void forget(String username) {
        if (username != null) {
            entries.remove(username);
        }
    }

    private byte[] mac(String username, char[] password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(username.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            hmac.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return hmac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
