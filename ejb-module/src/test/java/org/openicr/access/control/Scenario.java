package org.openicr.access.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openicr.access.entity.AccessDefaults;
import org.openicr.access.entity.AccessProfile;
import org.openicr.access.entity.ExplicitConsent;
import org.openicr.access.entity.OrganisationFacts;
import org.openicr.access.entity.PersonAccessFacts;
import org.openicr.access.entity.ReasonDeclaration;
import org.openicr.access.entity.RecordDecision;
import org.openicr.access.entity.RecordRequest;
import org.openicr.access.entity.RoleCategoryMatrix;
import org.openicr.access.entity.RoleReasons;
import org.openicr.access.entity.SealBreak;
import org.openicr.vocabulary.LegitimateReason;
import org.openicr.vocabulary.SharingMode;

/**
 * One reader, one person, one moment, built up in a sentence: everything ordinary unless the test
 * says otherwise (an active acute trust, the default matrix and policy, no opt-out).
 */
final class Scenario {

    /** The id of the sealed item every seal-break scenario breaks. */
    static final long SEALED_ITEM = 42;

    static final Instant NOW = Instant.parse("2025-03-14T10:00:00Z");
    static final long ACUTE_TRUST = 10;
    static final long GP_PRACTICE = 20;
    static final long COUNCIL = 30;
    static final long OTHER_COUNCIL = 31;
    static final long DEPARTED_ORGANISATION = 40;
    static final String GOOD_JUSTIFICATION = "Unconscious in ED, no history available";

    private String role = AccessDefaults.CLINICAL_PRACTITIONER;
    private long organisationId = ACUTE_TRUST;
    private boolean organisationActive = true;
    private SharingMode sharingMode = SharingMode.SHARE_AND_VIEW;
    private boolean safeguardingDesignated;
    private boolean mayBreakSeal;
    private RoleCategoryMatrix matrix = AccessDefaults.MATRIX;
    private RoleReasons reasons = AccessDefaults.ROLE_REASONS;
    private LegitimateReason reason = LegitimateReason.ONGOING_CARE;
    private String justification;
    private Duration declaredAgo = Duration.ofMinutes(5);
    private ExplicitConsent consent = ExplicitConsent.NOT_RECORDED;
    private boolean noReason;
    private final List<SealBreak> sealBreaks = new ArrayList<>();
    private boolean optedOut;
    private boolean restricted;
    private final Set<Long> refusingCouncils = new HashSet<>();
    private final Set<Long> inactiveOrganisations = new HashSet<>();

    static Scenario reader(String role) {
        Scenario scenario = new Scenario();
        scenario.role = role;
        return scenario;
    }

    Scenario at(long organisationId) {
        this.organisationId = organisationId;
        return this;
    }

    Scenario organisationInactive() {
        this.organisationActive = false;
        return this;
    }

    Scenario viewOnlyOrganisation() {
        this.sharingMode = SharingMode.VIEW_ONLY;
        return this;
    }

    Scenario safeguardingDesignated() {
        this.safeguardingDesignated = true;
        return this;
    }

    Scenario safeguardingDesignated(boolean designated) {
        this.safeguardingDesignated = designated;
        return this;
    }

    Scenario mayBreakSeal(boolean mayBreakSeal) {
        this.mayBreakSeal = mayBreakSeal;
        return this;
    }

    Scenario matrix(RoleCategoryMatrix matrix) {
        this.matrix = matrix;
        return this;
    }

    Scenario reasons(RoleReasons reasons) {
        this.reasons = reasons;
        return this;
    }

    Scenario noReason() {
        this.noReason = true;
        return this;
    }

    /** Declares the reason with whatever it needs to be valid: a justification, a recorded consent. */
    Scenario declares(LegitimateReason reason) {
        this.reason = reason;
        this.justification = GOOD_JUSTIFICATION;
        this.consent = ExplicitConsent.RECORDED;
        return this;
    }

    Scenario justification(String justification) {
        this.justification = justification;
        return this;
    }

    Scenario consent(ExplicitConsent consent) {
        this.consent = consent;
        return this;
    }

    Scenario declaredAgo(Duration declaredAgo) {
        this.declaredAgo = declaredAgo;
        return this;
    }

    Scenario breaksSeal(String justification, Duration ago) {
        sealBreaks.add(new SealBreak(SEALED_ITEM, justification, NOW.minus(ago)));
        return this;
    }

    Scenario optedOut(boolean optedOut) {
        this.optedOut = optedOut;
        return this;
    }

    Scenario optedOut() {
        return optedOut(true);
    }

    Scenario restricted() {
        this.restricted = true;
        return this;
    }

    Scenario socialCareConsentRefusedFor(long council) {
        refusingCouncils.add(council);
        return this;
    }

    Scenario inactive(long organisation) {
        inactiveOrganisations.add(organisation);
        return this;
    }

    AccessProfile profile() {
        return new AccessProfile(
                role,
                organisationId,
                "ODS" + organisationId,
                organisationActive,
                sharingMode,
                safeguardingDesignated,
                mayBreakSeal);
    }

    PersonAccessFacts person() {
        return new PersonAccessFacts(optedOut, restricted, refusingCouncils);
    }

    RecordRequest request() {
        ReasonDeclaration declaration =
                noReason ? null : new ReasonDeclaration(reason, justification, NOW.minus(declaredAgo), consent);
        return new RecordRequest(
                profile(),
                matrix,
                AccessDefaults.REASON_POLICY,
                reasons,
                declaration,
                sealBreaks,
                person(),
                new OrganisationFacts(inactiveOrganisations),
                NOW);
    }

    /** The reasons the reason step would offer this reader for this person. */
    Set<LegitimateReason> offered() {
        return new AccessDecision().reasonsOffered(profile(), matrix, reasons, person());
    }

    RecordDecision decide() {
        return new AccessDecision().decideRecord(request());
    }
}
