package org.openicr.web.fhir;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The position of a search's next page, as an opaque token in the {@code next} link (docs/fhir.md,
 * "Paging"): the last item's sort key (effective date, item id) of the page before, and an
 * HMAC-SHA256 over that position and the search it belongs to (the role profile, the person, the
 * resource type or $everything, and the filters), with a key only the server holds. No state is kept
 * on the server. A token changed in any way, or presented with another person, role profile, type or
 * filter, does not verify: the call is refused (400), never answered with another page.
 *
 * <p>The token is {@code base64url(position) "." base64url(mac)}, the position {@code 1:<micros|->:<id>}
 * (version 1, the effective date in microseconds since the epoch or {@code -} for an undated item).
 */
final class PageToken {

    /** The environment variable with the key (base64, 32 bytes or more); a fresh random key when unset. */
    static final String KEY_VARIABLE = "OPENICR_FHIR_PAGE_KEY";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    PageToken(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("A page token key has 32 bytes or more.");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * The server's key: {@value #KEY_VARIABLE} when set (so that every server of a region accepts
     * the others' tokens and a restart keeps them valid), else random for this server's life.
     */
    static PageToken fromEnvironment() {
        String configured = System.getenv(KEY_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new PageToken(Base64.getDecoder().decode(configured.strip()));
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new PageToken(random);
    }

    /** Where a page starts: after the item with this effective date (null: undated) and id. */
    record Position(Instant effectiveAt, long itemId) {}

    /** A refused token (answered 400 INVALID_INPUT). */
    static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Invalid() {
            super("The page token is not valid for this search: start again from the first page.");
        }
    }

    /** The token for the page after {@code position} of the search {@code binding}. */
    String issue(String binding, Position position) {
        String at = position.effectiveAt() == null
                ? "-"
                : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, position.effectiveAt()));
        byte[] payload = ("1:" + at + ":" + position.itemId()).getBytes(StandardCharsets.US_ASCII);
        return encode(payload) + "." + encode(mac(binding, payload));
    }

    /** The position the token names, if it was issued by this server for the search {@code binding}. */
    Position read(String binding, String token) {
        if (token == null) {
            throw new Invalid();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw new Invalid();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            throw new Invalid();
        }
        if (!MessageDigest.isEqual(mac, mac(binding, payload))) {
            throw new Invalid();
        }
        String[] parts = new String(payload, StandardCharsets.US_ASCII).split(":", -1);
        try {
            if (parts.length != 3 || !parts[0].equals("1")) {
                throw new Invalid();
            }
            Instant at = parts[1].equals("-") ? null : Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new Position(at, Long.parseLong(parts[2]));
        } catch (NumberFormatException | java.time.DateTimeException malformed) {
            throw new Invalid();
        }
    }

    private byte[] mac(String binding, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(binding.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(payload);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
