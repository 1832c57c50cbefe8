package org.openicr.directory.boundary;

/**
 * The answer to a person's request to change their own password: changed, or the reason it was
 * refused; {@code signOut} when the account may no longer be used (locked by this attempt,
 * locked or disabled meanwhile), so the page ends the session instead of asking again.
 */
public record PasswordChangeOutcome(boolean changed, String refusal, boolean signOut) {

    static PasswordChangeOutcome done() {
        return new PasswordChangeOutcome(true, null, false);
    }

    static PasswordChangeOutcome refused(String refusal) {
        return new PasswordChangeOutcome(false, refusal, false);
    }

    static PasswordChangeOutcome ended(String refusal) {
        return new PasswordChangeOutcome(false, refusal, true);
    }
}
