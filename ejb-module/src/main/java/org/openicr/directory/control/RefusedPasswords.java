package org.openicr.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers for a few minutes that a password was wrong for an account, so that the same wrong
 * password sent again in a burst over HTTP Basic is refused with one HMAC instead of a PBKDF2
 * computation (about 0.1 s of CPU each: a flood of them would take both cores). Only an HMAC of
 * username, password and the account's stored hash is kept, under a key that exists in this JVM
 * alone; because the stored hash is part of it, a password change makes every remembered entry
 * for the account stop matching, without anyone having to forget them. Bounded in size.
 */
@ApplicationScoped
public class RefusedPasswords {

    public static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    static final int MAX_ENTRIES = 10_000;

    private final SecretKeySpec key;
    private final LongSupplier nanoTime;
    private final Map<String, Long> refusedAt = new LinkedHashMap<>();

    public RefusedPasswords() {
        this(System::nanoTime);
    }

    RefusedPasswords(LongSupplier nanoTime) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.nanoTime = nanoTime;
    }

    /** Whether this password was refused for this account (as it is stored now) within the last minutes. */
    public synchronized boolean known(String username, char[] password, String storedHash) {
        String mac = mac(username, password, storedHash);
        Long at = refusedAt.get(mac);
        if (at == null) {
            return false;
        }
        if (nanoTime.getAsLong() - at >= TIME_TO_LIVE.toNanos()) {
            refusedAt.remove(mac);
            return false;
        }
        return true;
    }

    public synchronized void remember(String username, char[] password, String storedHash) {
        String mac = mac(username, password, storedHash);
        refusedAt.remove(mac);
        refusedAt.put(mac, nanoTime.getAsLong());
        if (refusedAt.size() > MAX_ENTRIES) {
            Iterator<String> oldest = refusedAt.keySet().iterator();
            while (refusedAt.size() > MAX_ENTRIES * 9 / 10) {
                oldest.next();
                oldest.remove();
            }
        }
    }

    private String mac(String username, char[] password, String storedHash) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(username.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            hmac.update(new String(password).getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            hmac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hmac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
