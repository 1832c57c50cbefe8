package org.openicr.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short time, that a source system's account presented the right password, so
 * that a system posting hundreds of messages a second with HTTP Basic does not pay the PBKDF2 cost
 * (about 0.1 s of CPU) on every call. Only an HMAC of username and password under a key that exists
 * in this JVM alone is kept, never the password. People's sign-ins never use it (they sign in once
 * per session), and any failed attempt, lock, disable or password change forgets the account.
 */
@ApplicationScoped
public class VerifiedCredentials {

    /** How long a verified system credential is trusted without checking the hash again. */
    public static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

    private record Entry(byte[] mac, Set<String> groups, long expiresAtNanos) {}

    private final SecretKeySpec key;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public VerifiedCredentials() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public Optional<Set<String>> groupsFor(String username, char[] password) {
        Entry entry = entries.get(username);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.expiresAtNanos() > 0) {
            entries.remove(username, entry);
            return Optional.empty();
        }
        return MessageDigest.isEqual(entry.mac(), mac(username, password))
                ? Optional.of(entry.groups())
                : Optional.empty();
    }

    public void remember(String username, char[] password, Set<String> groups) {
        entries.put(
                username,
                new Entry(mac(username, password), Set.copyOf(groups), System.nanoTime() + TIME_TO_LIVE.toNanos()));
    }

    public void forget(String username) {
        entries.remove(username);
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
