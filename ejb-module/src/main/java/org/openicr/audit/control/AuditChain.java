package org.openicr.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The hash chain over the audit trail: each seal is SHA-256 of the previous seal's hash followed by
 * the event's canonical content, so changing, removing or reordering any sealed event breaks every
 * later link. The canonical form names every field, marks nulls and escapes separators, so no two
 * different events can read the same.
 */
public final class AuditChain {

    private AuditChain() {}

    /** The audit event's content as the chain covers it. */
    public record Content(
            long id,
            Instant occurredAt,
            String action,
            String outcome,
            String username,
            String rbacRoleCode,
            String organisationOds,
            Long personId,
            String purposeOfUse,
            String detail) {

        String canonical() {
            return "id=" + id
                    + "|at=" + occurredAt.truncatedTo(ChronoUnit.MICROS)
                    + "|action=" + text(action)
                    + "|outcome=" + text(outcome)
                    + "|user=" + text(username)
                    + "|role=" + text(rbacRoleCode)
                    + "|org=" + text(organisationOds)
                    + "|person=" + (personId == null ? "-" : personId.toString())
                    + "|purpose=" + text(purposeOfUse)
                    + "|detail=" + text(detail);
        }

        private static String text(String value) {
            return value == null
                    ? "-"
                    : "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("|", "\\|") + "'";
        }
    }

    public static byte[] link(byte[] previousHash, Content content) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            if (previousHash != null) {
                sha256.update(previousHash);
            }
            sha256.update(content.canonical().getBytes(StandardCharsets.UTF_8));
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
