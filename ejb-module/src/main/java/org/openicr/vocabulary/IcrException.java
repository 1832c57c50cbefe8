package org.openicr.vocabulary;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * The one exception the domain throws for a refusal. Each channel maps it in one place: SOAP to a
 * fault carrying {@link #code()} and {@link #reason()}, JSF to a message for the user. The reason
 * is written for the person who must act on it and never carries patient data.
 */
@ApplicationException(rollback = true)
public class IcrException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public IcrException(ErrorCode code, String reason) {
        super(reason);
        this.code = Objects.requireNonNull(code, "An error code is required.");
    }

    public ErrorCode code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }
}
