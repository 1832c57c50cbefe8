package org.openicr.access.entity;

import java.util.Objects;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/** A refusal: a stable code for the audit and the page, and a sentence for the user. */
public record Refusal(RefusalCode code, String reason) {

    public Refusal {
        Objects.requireNonNull(code, "A refusal code is required.");
        reason = reason == null || reason.isBlank() ? code.userMessage() : reason;
    }

    public static Refusal of(RefusalCode code) {
        return new Refusal(code, code.userMessage());
    }

    /** The refusal as the domain's one exception, for boundaries that stop here (after auditing it). */
    public IcrException toException() {
        return new IcrException(ErrorCode.NOT_PERMITTED, reason);
    }
}
