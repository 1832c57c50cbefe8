package org.openicr.access.entity;

import java.time.Instant;
import java.util.Objects;
import org.openicr.vocabulary.LegitimateReason;

/**
 * A legitimate reason a user declared for one person, as the consent capability holds it: the
 * reason, the user's own words, when it was declared, and the current state of the person's
 * explicit consent (read when the decision is asked, so a withdrawal takes effect at once).
 */
public record ReasonDeclaration(
        LegitimateReason reason, String justification, Instant declaredAt, ExplicitConsent explicitConsent) {

    public ReasonDeclaration {
        Objects.requireNonNull(reason, "A reason is required.");
        Objects.requireNonNull(declaredAt, "The time of the declaration is required.");
        explicitConsent = explicitConsent == null ? ExplicitConsent.NOT_RECORDED : explicitConsent;
    }

    /** A declaration for a reason that needs neither justification nor consent. */
    public static ReasonDeclaration of(LegitimateReason reason, Instant declaredAt) {
        return new ReasonDeclaration(reason, null, declaredAt, ExplicitConsent.NOT_RECORDED);
    }

    public static ReasonDeclaration justified(LegitimateReason reason, String justification, Instant declaredAt) {
        return new ReasonDeclaration(reason, justification, declaredAt, ExplicitConsent.NOT_RECORDED);
    }

    public static ReasonDeclaration withConsent(ExplicitConsent consent, Instant declaredAt) {
        return new ReasonDeclaration(LegitimateReason.EXPLICIT_CONSENT, null, declaredAt, consent);
    }
}
