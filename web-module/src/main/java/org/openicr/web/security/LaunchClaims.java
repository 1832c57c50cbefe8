package org.openicr.web.security;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.Serializable;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.NhsNumber;

/**
 * The rules a launch token's claims must meet once its signature has been verified (issue 19, item
 * 2; docs/identity.md, section J). Pure: the claims, the launching system's {@code iss}, OpenICR's
 * own address (the audience) and the time in, a {@link Launch} or a {@link Refused} with the reason
 * out. The table of cases is {@code LaunchClaimsTest}.
 */
public final class LaunchClaims {

    /** The longest a launch token may live: a click's journey, not a bookmark. */
    public static final Duration LONGEST = Duration.ofMinutes(5);

    /** Clocks of two organisations' servers differ; this much is forgiven. */
    public static final Duration SKEW = Duration.ofSeconds(60);

    /** The relationships a launching system may assert, as the claim {@code relationship.kind} says them. */
    public static final Set<String> KINDS =
            Set.of("encounter", "referral", "registration", "appointment", "episode-of-care", "care-team");

    private static final Pattern PRINTABLE = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{Zs}\\p{S}]*");

    /** What a launch asked for, once its token has been verified and its claims checked. */
    public record Launch(
            String jti,
            Instant expiresAt,
            String userUid,
            String personRoleId,
            String nhsNumber,
            String relationshipKind,
            String relationshipReference,
            String relationshipDisplay)
            implements Serializable {

        public boolean assertsRelationship() {
            return relationshipKind != null;
        }

        /** The assertion in words, as the audit and the declaration keep it (null without one). */
        public String assertion() {
            if (!assertsRelationship()) {
                return null;
            }
            return relationshipKind
                    + (relationshipReference == null ? "" : " " + relationshipReference)
                    + (relationshipDisplay == null ? "" : " (" + relationshipDisplay + ")");
        }
    }

    /** A launch token whose claims do not meet the rules: the reason, for the audit (never shown as is). */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String reason) {
            super(reason);
        }
    }

    private LaunchClaims() {}

    public static Launch check(JWTClaimsSet claims, String iss, String audience, Instant now) throws Refused {
        if (!iss.equals(claims.getIssuer())) {
            throw new Refused("the token's iss is not the launching system's");
        }
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            throw new Refused("the token is not addressed to this record (aud)");
        }
        Instant expires = instant(claims.getExpirationTime(), "exp");
        Instant issued = instant(claims.getIssueTime(), "iat");
        if (!now.isBefore(expires.plus(SKEW))) {
            throw new Refused("the launch has expired");
        }
        if (issued.isAfter(now.plus(SKEW))) {
            throw new Refused("the launch was issued in the future (iat)");
        }
        if (Duration.between(issued, expires).compareTo(LONGEST) > 0 || expires.isBefore(issued)) {
            throw new Refused("the launch lives longer than " + LONGEST.toMinutes() + " minutes");
        }
        String jti = text(claims, "jti", 200, true);
        String user = text(claims, "sub", 32, true);
        String personRoleId = text(claims, "person_roleid", 32, false);
        String nhsNumberText = text(claims, "nhs_number", 20, true);
        String nhsNumber;
        try {
            nhsNumber = NhsNumber.of(nhsNumberText.replace(" ", "")).value();
        } catch (IcrException | IllegalArgumentException notValid) {
            throw new Refused("nhs_number is not a valid NHS Number");
        }
        Object relationship = claims.getClaim("relationship");
        if (relationship == null) {
            return new Launch(jti, expires, user, personRoleId, nhsNumber, null, null, null);
        }
        if (!(relationship instanceof Map<?, ?> asserted)) {
            throw new Refused("relationship is not an object");
        }
        String kind = member(asserted, "kind", 40, true);
        if (!KINDS.contains(kind.toLowerCase(Locale.ROOT))) {
            throw new Refused("relationship.kind is not one of " + KINDS);
        }
        return new Launch(
                jti,
                expires,
                user,
                personRoleId,
                nhsNumber,
                kind.toLowerCase(Locale.ROOT),
                member(asserted, "reference", 100, false),
                member(asserted, "display", 200, false));
    }

    private static Instant instant(Date date, String name) throws Refused {
        if (date == null) {
            throw new Refused("the token has no " + name);
        }
        return date.toInstant();
    }

    private static String text(JWTClaimsSet claims, String name, int longest, boolean required) throws Refused {
        try {
            return valid(name, claims.getStringClaim(name), longest, required);
        } catch (ParseException notText) {
            throw new Refused(name + " is not text");
        }
    }

    private static String member(Map<?, ?> object, String name, int longest, boolean required) throws Refused {
        Object value = object.get(name);
        if (value != null && !(value instanceof String)) {
            throw new Refused("relationship." + name + " is not text");
        }
        return valid("relationship." + name, (String) value, longest, required);
    }

    private static String valid(String name, String value, int longest, boolean required) throws Refused {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new Refused("the token has no " + name);
            }
            return null;
        }
        String text = value.strip();
        if (text.length() > longest || !PRINTABLE.matcher(text).matches()) {
            throw new Refused(name + " is longer than " + longest + " characters or not printable");
        }
        return text;
    }
}
