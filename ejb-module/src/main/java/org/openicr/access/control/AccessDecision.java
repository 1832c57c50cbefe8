package org.openicr.access.control;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openicr.access.entity.AccessDefaults;
import org.openicr.access.entity.AccessProfile;
import org.openicr.access.entity.CategoryAccess;
import org.openicr.access.entity.ExplicitConsent;
import org.openicr.access.entity.ItemFacts;
import org.openicr.access.entity.ItemVisibility;
import org.openicr.access.entity.PersonAccessFacts;
import org.openicr.access.entity.PersonListing;
import org.openicr.access.entity.ReadScope;
import org.openicr.access.entity.ReasonDeclaration;
import org.openicr.access.entity.ReasonPolicy;
import org.openicr.access.entity.RecordDecision;
import org.openicr.access.entity.RecordRequest;
import org.openicr.access.entity.Refusal;
import org.openicr.access.entity.RefusalCode;
import org.openicr.access.entity.RoleCategoryMatrix;
import org.openicr.access.entity.RoleReasons;
import org.openicr.access.entity.SearchDecision;
import org.openicr.access.entity.SearchScope;
import org.openicr.audit.entity.PrivacyAlert;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.LegitimateReason;
import org.openicr.vocabulary.Sensitivity;

/**
 * The one access decision: who may read what of a person's record, and why not. It exists so that
 * every read path (record page, search, document viewer, SOAP) applies the same rules, before or
 * inside its query. It is pure: the same facts give the same answer, and it neither reads nor
 * writes anything, so callers audit its answer and raise the alerts it names.
 *
 * <p>The order of the checks is part of the contract, because the first failing check is the one
 * the user is told about: organisation, role, opt-out, then the reason (whether it may be given,
 * its consent, its age, its justification); broken seals then widen the scope item by item.
 */
@Dependent
public class AccessDecision {

    /** Decides whether the record may be opened and, if so, the scope of every query that reads it. */
    public RecordDecision decideRecord(RecordRequest request) {
        AccessProfile profile = request.profile();
        PersonAccessFacts person = request.person();
        ReasonPolicy policy = request.policy();

        if (!profile.organisationActive()) {
            return refused(RefusalCode.PROFILE_ORGANISATION_INACTIVE);
        }
        Set<Category> categories = request.matrix().categoriesFor(profile.roleCode());
        if (categories.isEmpty()) {
            return refused(RefusalCode.ROLE_SEES_NO_PATIENT_DATA);
        }
        // Tell staff who can never see an opted-out person so at once, before asking for a reason:
        // not even break glass overrides an opt-out.
        if (person.optedOut() && !profile.safeguardingDesignated()) {
            return refused(RefusalCode.OPTED_OUT);
        }
        Optional<ReasonDeclaration> declared = request.declared();
        if (declared.isEmpty()) {
            return refused(RefusalCode.NO_REASON);
        }
        ReasonDeclaration declaration = declared.get();
        LegitimateReason reason = declaration.reason();
        if (reason == LegitimateReason.SAFEGUARDING && !profile.safeguardingDesignated()) {
            return refused(RefusalCode.NOT_SAFEGUARDING_ROLE);
        }
        if (!request.reasons().reasonsFor(profile.roleCode()).contains(reason)) {
            return refused(RefusalCode.REASON_NOT_FOR_ROLE);
        }
        if (person.optedOut() && reason != LegitimateReason.SAFEGUARDING) {
            return refused(RefusalCode.OPTED_OUT);
        }
        if (reason == LegitimateReason.EXPLICIT_CONSENT) {
            if (declaration.explicitConsent() == ExplicitConsent.WITHDRAWN) {
                return refused(RefusalCode.CONSENT_WITHDRAWN);
            }
            if (declaration.explicitConsent() != ExplicitConsent.RECORDED) {
                return refused(RefusalCode.CONSENT_NOT_RECORDED);
            }
        }
        // Past the opt-out check, an opted-out person is being opened for safeguarding: an override.
        boolean override = reason.isBreakGlass() || person.optedOut();
        Duration validity = override ? policy.overrideValidity() : policy.reasonValidity();
        if (!ReasonPolicy.holds(declaration.declaredAt(), validity, request.now())) {
            return refused(RefusalCode.REASON_EXPIRED);
        }
        if (override && !policy.isSufficient(declaration.justification())) {
            return justificationRequired(policy);
        }

        Set<PrivacyAlert> alerts = EnumSet.noneOf(PrivacyAlert.class);
        if (reason.isBreakGlass()) {
            alerts.add(PrivacyAlert.BREAK_GLASS);
        }
        if (person.optedOut()) {
            alerts.add(PrivacyAlert.SAFEGUARDING_ACCESS_TO_OPTED_OUT_PERSON);
        }

        // Seals broken earlier open their items while the break lasts, and only while the profile
        // may still break seals; a lapsed break simply closes the envelope, the record stays open.
        Set<Long> unsealed = new HashSet<>();
        if (profile.mayBreakSeal()) {
            request.sealBreaks().stream()
                    .filter(seal -> ReasonPolicy.holds(seal.brokenAt(), policy.overrideValidity(), request.now()))
                    .filter(seal -> policy.isSufficient(seal.justification()))
                    .forEach(seal -> unsealed.add(seal.itemId()));
        }

        Set<Long> socialCareExcluded = new HashSet<>(person.councilsRefusingSocialCareConsent());
        socialCareExcluded.remove(profile.organisationId());
        ReadScope scope = new ReadScope(
                categories,
                profile.organisationId(),
                request.organisations().inactiveOrganisationIds(),
                socialCareExcluded,
                unsealed,
                person.restricted());
        return new RecordDecision.Permitted(
                scope, reason, reason.purposesOfUse(), alerts, categoryAccess(request.matrix(), profile));
    }

    /**
     * The reasons the reason step offers this reader for this person: those the role may give
     * ({@link RoleReasons}), safeguarding only from a profile designated for it, and for an
     * opted-out person only safeguarding (nothing else could open the record). Empty when the
     * record cannot be opened whatever the reason (inactive organisation, a role that sees no
     * patient data, an opted-out person and staff not designated for safeguarding). The same rules
     * as {@link #decideRecord}, so an offered reason is never refused for its kind.
     */
    public Set<LegitimateReason> reasonsOffered(
            AccessProfile profile, RoleCategoryMatrix matrix, RoleReasons reasons, PersonAccessFacts person) {
        Set<LegitimateReason> offered = EnumSet.noneOf(LegitimateReason.class);
        if (!profile.organisationActive()
                || matrix.categoriesFor(profile.roleCode()).isEmpty()) {
            return offered;
        }
        for (LegitimateReason reason : reasons.reasonsFor(profile.roleCode())) {
            boolean safeguarding = reason == LegitimateReason.SAFEGUARDING;
            if (safeguarding && !profile.safeguardingDesignated()) {
                continue;
            }
            if (person.optedOut() && !safeguarding) {
                continue;
            }
            offered.add(reason);
        }
        return offered;
    }

    /**
     * Decides whether a reader whose record decision was permitted may break the seal of one item
     * that the decision's scope withholds: only a profile allowed to break seals (RBAC activity
     * B0083), and only with a justification a privacy officer can review. Empty means it may; the
     * caller records the break (it then joins the scope through {@link RecordRequest#sealBreaks()})
     * and raises {@link PrivacyAlert#SEAL_BROKEN}.
     */
    public Optional<Refusal> sealBreak(
            AccessProfile profile, ReadScope scope, ItemFacts item, ReasonPolicy policy, String justification) {
        return sealBreak(profile, visibility(scope, item), policy, justification);
    }

    /**
     * The same decision for an item whose visibility the item query answered (the SQL is the rule
     * the record applies; {@link #visibility} is the same rule as a table, tested against it).
     */
    public Optional<Refusal> sealBreak(
            AccessProfile profile, ItemVisibility visibility, ReasonPolicy policy, String justification) {
        if (visibility != ItemVisibility.WITHHELD) {
            return Optional.of(Refusal.of(RefusalCode.NOT_WITHHELD));
        }
        if (!profile.mayBreakSeal()) {
            return Optional.of(Refusal.of(RefusalCode.SEAL_BREAK_NOT_PERMITTED));
        }
        if (!policy.isSufficient(justification)) {
            return Optional.of(((RecordDecision.Refused) justificationRequired(policy)).refusal());
        }
        return Optional.empty();
    }

    /**
     * Decides whether the profile may search for people and how the results are listed. Searching
     * needs no legitimate reason (the reason is given for the person once found) but does need a
     * role that reads demographics.
     */
    public SearchDecision decideSearch(AccessProfile profile, RoleCategoryMatrix matrix) {
        if (!profile.organisationActive()) {
            return new SearchDecision.Refused(Refusal.of(RefusalCode.PROFILE_ORGANISATION_INACTIVE));
        }
        Set<Category> categories = matrix.categoriesFor(profile.roleCode());
        if (categories.isEmpty()) {
            return new SearchDecision.Refused(Refusal.of(RefusalCode.ROLE_SEES_NO_PATIENT_DATA));
        }
        if (!categories.contains(Category.DEMOGRAPHICS)) {
            return new SearchDecision.Refused(Refusal.of(RefusalCode.CATEGORY_NOT_PERMITTED));
        }
        return new SearchDecision.Permitted(new SearchScope(profile.safeguardingDesignated()));
    }

    /** How one person found by a permitted search is listed when the reader holds no reason for them. */
    public PersonListing listing(SearchScope scope, PersonAccessFacts person) {
        return listing(scope, person, Optional.empty(), AccessDefaults.REASON_POLICY, Instant.now());
    }

    /**
     * How one person found by a permitted search is listed. An opted-out person is "not available
     * for viewing" to everyone, except to staff designated for safeguarding whose latest reason for
     * this person is a safeguarding one, justified and still within the override validity: the
     * same reason that opens the record to them. Without it they are offered the reason step, never
     * the person's details.
     */
    public PersonListing listing(
            SearchScope scope,
            PersonAccessFacts person,
            Optional<ReasonDeclaration> declared,
            ReasonPolicy policy,
            Instant now) {
        if (person.optedOut() && !(scope.safeguardingDesignated() && safeguardingReasonHolds(declared, policy, now))) {
            return PersonListing.NOT_AVAILABLE_FOR_VIEWING;
        }
        return person.restricted() ? PersonListing.DETAILS_WITHOUT_CONTACT : PersonListing.DETAILS;
    }

    private static boolean safeguardingReasonHolds(
            Optional<ReasonDeclaration> declared, ReasonPolicy policy, Instant now) {
        return declared.filter(d -> d.reason() == LegitimateReason.SAFEGUARDING)
                .filter(d -> ReasonPolicy.holds(d.declaredAt(), policy.overrideValidity(), now))
                .filter(d -> policy.isSufficient(d.justification()))
                .isPresent();
    }

    /**
     * How one item appears within a scope: the visibility rule as a table. The record's reads do
     * not call it: the rule they apply is the SQL of {@code ItemQuery} (its WHERE clause hides, its
     * {@code withheld} column withholds), and integration-tests' VisibilityRuleIT runs this table
     * against every one of those queries on PostgreSQL, so the two cannot drift apart.
     */
    public ItemVisibility visibility(ReadScope scope, ItemFacts item) {
        if (!scope.permits(item.category())) {
            return ItemVisibility.HIDDEN;
        }
        long source = item.sourceOrganisationId();
        if (scope.excludedSourceOrganisationIds().contains(source)) {
            return ItemVisibility.HIDDEN;
        }
        if (item.category() == Category.SOCIAL_CARE
                && scope.socialCareExcludedCouncilIds().contains(source)) {
            return ItemVisibility.HIDDEN;
        }
        boolean ownOrganisation = source == scope.actorOrganisationId();
        // Sealed and locked never leaves the recording team, not even as "withheld": its existence
        // can itself disclose (a sexual health clinic, a gender identity service).
        if (item.sensitivity() == Sensitivity.SEALED_LOCKED && !ownOrganisation) {
            return ItemVisibility.HIDDEN;
        }
        if (item.sensitivity() == Sensitivity.SEALED && !ownOrganisation && !scope.sealBroken(item.itemId())) {
            return ItemVisibility.WITHHELD;
        }
        return ItemVisibility.VISIBLE;
    }

    private static Map<Category, CategoryAccess> categoryAccess(RoleCategoryMatrix matrix, AccessProfile profile) {
        Set<Category> permitted = matrix.categoriesFor(profile.roleCode());
        Map<Category, CategoryAccess> access = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            access.put(
                    category,
                    permitted.contains(category) ? CategoryAccess.PERMITTED : CategoryAccess.NOT_AVAILABLE_TO_ROLE);
        }
        return access;
    }

    private static RecordDecision refused(RefusalCode code) {
        return new RecordDecision.Refused(Refusal.of(code));
    }

    private static RecordDecision justificationRequired(ReasonPolicy policy) {
        return new RecordDecision.Refused(new Refusal(
                RefusalCode.JUSTIFICATION_REQUIRED,
                "This access needs a written justification of at least "
                        + policy.minimumJustificationLength()
                        + " characters."));
    }
}
