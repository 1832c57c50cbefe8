package org.openicr.record.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openicr.access.control.AccessDecision;
import org.openicr.access.control.AccessRecords;
import org.openicr.access.control.RecordReadings;
import org.openicr.access.entity.AccessDefaults;
import org.openicr.access.entity.AccessProfile;
import org.openicr.access.entity.CareRelationship;
import org.openicr.access.entity.CategoryAccess;
import org.openicr.access.entity.ExplicitConsent;
import org.openicr.access.entity.PersonAccessFacts;
import org.openicr.access.entity.PersonDetails;
import org.openicr.access.entity.PersonListing;
import org.openicr.access.entity.ReasonDeclaration;
import org.openicr.access.entity.RecordDecision;
import org.openicr.access.entity.RecordFacts;
import org.openicr.access.entity.RefusalCode;
import org.openicr.access.entity.SearchDecision;
import org.openicr.audit.control.AuditGate;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.control.ReadAudit;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.audit.entity.PrivacyAlert;
import org.openicr.patient.boundary.PatientFinder;
import org.openicr.patient.boundary.PatientSummary;
import org.openicr.platform.Roles;
import org.openicr.record.control.ItemQuery;
import org.openicr.record.control.SummarySection;
import org.openicr.record.entity.RecordItem;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.LegitimateReason;

/**
 * Opening a person's care record: the legitimate reason, the access decision, and the items of
 * each category the reader's role may see, read with the decision's scope inside the query. Every
 * read is audited with its purpose of use; every refusal is audited as a denial.
 */
@Stateless
@RolesAllowed(Roles.RECORD_VIEWER)
public class CareRecord {

    private static final AccessDecision DECISION = new AccessDecision();

    @Resource
    SessionContext session;

    @Inject
    RecordReadings readings;

    @Inject
    AccessRecords records;

    @Inject
    ItemQuery items;

    @EJB
    AuditTrail audit;

    @EJB
    PrivacyAlerts alerts;

    @EJB
    ReadAudit readAudit;

    @Inject
    AuditGate gate;

    /**
     * The record page in one call and one transaction: the access decision once, the banner, each
     * category's access and count, and the summary's sections: all of them for the summary view
     * ({@code shown} null), otherwise only the alert strip's (safeguarding alerts and allergies) for
     * the page of category {@code shown}.
     * Audited as one RECORD_VIEW event (the opening, with the access-pattern alerts it calls for).
     * Refused for want of a reason, it says so and audits nothing; refused otherwise, it audits a denial.
     */
    public RecordOverview open(long roleProfileId, long personId, Category shown) {
        return open(
                roleProfileId,
                personId,
                shown,
                shown == null,
                shown == null ? "the summary" : "the alert strip of the " + shown + " page");
    }

    /**
     * The record page of the combined timeline: the banner, each category's access and count and the
     * alert strip, as {@link #open} does for a category's page (one RECORD_VIEW event). The entries
     * themselves are {@link #timeline}'s.
     */
    public RecordOverview openTimeline(long roleProfileId, long personId) {
        return open(roleProfileId, personId, null, false, "the alert strip of the timeline page");
    }

    /**
     * The categories of the combined timeline: every dated event of care (encounters, appointments,
     * referrals, results, documents, procedures, social care involvement). Problems, medications,
     * allergies, contacts and safeguarding alerts are states rather than events: they have their own
     * pages and the alert strip.
     */
    public static final Set<Category> TIMELINE_CATEGORIES = Collections.unmodifiableSet(EnumSet.of(
            Category.ENCOUNTERS,
            Category.APPOINTMENTS,
            Category.REFERRALS,
            Category.RESULTS,
            Category.DOCUMENTS,
            Category.PROCEDURES,
            Category.SOCIAL_CARE));

    private RecordOverview open(
            long roleProfileId, long personId, Category shown, boolean fullSummary, String shownWhere) {
        Reader reader = reader(roleProfileId, personId);
        RecordDecision decision = reader.decision();
        if (decision instanceof RecordDecision.Refused refused) {
            if (!needsReason(refused.code())) {
                deny(reader, "open record: " + refused.code());
            }
            return new RecordOverview(
                    null,
                    needsReason(refused.code()),
                    refused.refusal().reason(),
                    Map.of(),
                    Map.of(),
                    null,
                    List.of(),
                    RecordSummary.refused());
        }
        RecordDecision.Permitted permitted = (RecordDecision.Permitted) decision;
        if (shown != null && (permitted.refusalFor(shown).isPresent() || !shown.isItemCategory())) {
            // A category hidden from the role, asked for by its address: a denial naming the category
            // (issue 16), besides the opening of the banner and alert strip the page does show.
            deny(reader, "open " + shown + " page: " + RefusalCode.CATEGORY_NOT_PERMITTED);
        }
        Map<Category, Boolean> access = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            access.put(category, permitted.accessTo(category) == CategoryAccess.PERMITTED);
        }
        Map<Category, Long> counts = items.counts(personId, permitted.scope());
        Map<Category, List<ItemView>> sections = views(items.summary(
                personId, permitted.scope(), fullSummary ? SummarySection.SUMMARY : SummarySection.ALERT_STRIP));
        gate.hold(readAudit.opening(read(
                reader,
                permitted,
                "summary: "
                        + counts.values().stream().mapToLong(Long::longValue).sum() + " item(s) in "
                        + counts.size() + " categories, "
                        + sections.values().stream().mapToInt(List::size).sum() + " item(s) shown in "
                        + shownWhere)));
        return new RecordOverview(
                // the banner's person, read with the request's one facts statement
                PatientFinder.summary(
                        reader.reading().facts().details().orElseThrow(),
                        permitted.scope().hideContactDetails()),
                false,
                null,
                access,
                counts,
                permitted.reason().label(),
                permitted.alerts().stream().map(Enum::name).toList(),
                new RecordSummary(
                        permitted.scope().itemCategories(),
                        sections,
                        reader.access().mayBreakSeal()));
    }

    /**
     * The reason step for a person: the banner and the reasons the reader's role profile may give
     * ({@link AccessDecision#reasonsOffered}). The banner shows the person as a patient search lists
     * them ({@link AccessDecision#listing}: a search needs no reason, and this is the person the
     * reader found), audited as such. A record no reason could open says why, audited as a denial,
     * and shows no banner.
     */
    public ReasonStep reasonStep(long roleProfileId, long personId) {
        Reader reader = reader(roleProfileId, personId);
        RecordFacts facts = reader.reading().facts();
        AccessProfile profile = reader.access();
        PersonAccessFacts person = facts.person().orElseThrow();
        Set<LegitimateReason> offered = DECISION.reasonsOffered(profile, facts.matrix(), facts.reasons(), person);
        if (offered.isEmpty()) {
            RecordDecision decision = DECISION.decideRecord(facts.request(Optional.empty(), Instant.now()));
            RefusalCode code = decision instanceof RecordDecision.Refused refused
                    ? refused.code()
                    : RefusalCode.REASON_NOT_FOR_ROLE;
            if (needsReason(code)) {
                code = RefusalCode.REASON_NOT_FOR_ROLE;
            }
            deny(reader, "reason step: " + code);
            String why = code == RefusalCode.REASON_NOT_FOR_ROLE
                    ? "Your role may not give any reason for opening a record."
                    : code.userMessage();
            return new ReasonStep(null, List.of(), why);
        }
        PatientSummary banner = null;
        String listed = "not shown (the role does not read demographics)";
        if (DECISION.decideSearch(profile, facts.matrix()) instanceof SearchDecision.Permitted permitted) {
            // the banner's person, read with the step's one facts statement (as the record page's banner)
            PersonDetails found = facts.details().orElseThrow();
            PersonListing listing = DECISION.listing(
                    permitted.scope(),
                    person,
                    facts.declared().map(RecordFacts.Declared::declaration),
                    AccessDefaults.REASON_POLICY,
                    Instant.now());
            banner = switch (listing) {
                case DETAILS -> PatientFinder.summary(found, false);
                case DETAILS_WITHOUT_CONTACT -> PatientFinder.summary(found, true);
                case NOT_AVAILABLE_FOR_VIEWING -> PatientSummary.notAvailable(
                        personId, permitted.scope().safeguardingDesignated());
            };
            listed = listing.name();
        }
        // The relationship the record shows, if any: it pre-selects its reason (one statement more).
        Optional<CareRelationship> inferred = readings.relationship(roleProfileId, personId, offered);
        // written while the page is rendered; the page is released once it has committed
        gate.hold(readAudit.read(new AuditEvent(
                AuditAction.PATIENT_SEARCH,
                AuditOutcome.SUCCESS,
                reader.actor(),
                personId,
                "reason step: banner " + listed + ", " + offered.size() + " reason(s) offered"
                        + inferred.map(r -> ", " + r.reason() + " inferred by " + r.auditText())
                                .orElse(""))));
        return new ReasonStep(
                banner,
                List.copyOf(offered),
                null,
                inferred.map(CareRelationship::reason).orElse(null),
                inferred.map(CareRelationship::description).orElse(null));
    }

    /** Records the reason the reader gives; refuses (and audits) one the access rules do not accept. */
    public void declareReason(long roleProfileId, long personId, LegitimateReason reason, String justification) {
        declare(reader(roleProfileId, personId), reason, justification, null);
    }

    /**
     * The care relationship the clinician's own system asserted when it launched the record in
     * context (issue 19, item 2; docs/identity.md, section J): it becomes the reason, an ongoing care
     * relationship, decided by the same rules as one the reader gives (a role that may not give it, an
     * opted-out person, an inactive organisation: refused and audited as a denial), and audited as
     * {@code REASON_ASSERTED} naming the launching system and what it asserted. The assertion is kept
     * with the declaration as its justification.
     *
     * @param assertedBy the launching system and its assertion, as the audit and the declaration keep
     *     it (e.g. {@code "Riverside EPR (https://epr.example/fhir, RX901): encounter ENC-1 open"})
     */
    public void declareAssertedReason(long roleProfileId, long personId, String assertedBy) {
        if (assertedBy == null || assertedBy.isBlank()) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "An asserted relationship must say who asserted it.");
        }
        String text = assertedBy.strip();
        declare(
                reader(roleProfileId, personId),
                LegitimateReason.ONGOING_CARE,
                "Asserted by " + (text.length() > 400 ? text.substring(0, 400) : text),
                text);
    }

    private void declare(Reader reader, LegitimateReason reason, String justification, String assertedBy) {
        long roleProfileId = reader.roleProfileId();
        long personId = reader.personId();
        ExplicitConsent consent =
                reason == LegitimateReason.EXPLICIT_CONSENT ? ExplicitConsent.RECORDED : ExplicitConsent.NOT_RECORDED;
        ReasonDeclaration declaration = new ReasonDeclaration(
                reason,
                justification == null || justification.isBlank() ? null : justification.strip(),
                Instant.now(),
                consent);
        RecordDecision decision =
                DECISION.decideRecord(reader.reading().facts().request(Optional.of(declaration), Instant.now()));
        if (decision instanceof RecordDecision.Refused refused) {
            alerts.denied(
                    reader.actor(),
                    personId,
                    (assertedBy == null ? "declare " : "asserted by launch (" + assertedBy + ") ") + reason + ": "
                            + refused.code());
            throw new IcrException(ErrorCode.NOT_PERMITTED, refused.refusal().reason());
        }
        RecordDecision.Permitted permitted = (RecordDecision.Permitted) decision;
        // A reason the record's relationship offers is audited as inferred, naming the rule; any
        // other as declared. Break glass is never inferred (it stays the reader's own claim); an
        // asserted one is audited as asserted, naming the launching system.
        RecordFacts facts = reader.reading().facts();
        Optional<CareRelationship> inferred = reason.isBreakGlass() || assertedBy != null
                ? Optional.empty()
                : readings.relationship(
                                roleProfileId,
                                personId,
                                DECISION.reasonsOffered(
                                        reader.access(),
                                        facts.matrix(),
                                        facts.reasons(),
                                        facts.person().orElseThrow()))
                        .filter(r -> r.reason() == reason);
        long declarationId = records.declare(reader.profile().accountId(), roleProfileId, personId, declaration);
        // The stored reason changes this request's facts: a later read in it decides again.
        readings.forget(roleProfileId, personId);
        AuditAction action = reason.isBreakGlass()
                ? AuditAction.BREAK_GLASS
                : assertedBy != null
                        ? AuditAction.REASON_ASSERTED
                        : inferred.isPresent() ? AuditAction.REASON_INFERRED : AuditAction.REASON_DECLARED;
        audit.record(new AuditEvent(
                        action,
                        AuditOutcome.SUCCESS,
                        reader.actor(),
                        personId,
                        "reason " + reason
                                + inferred.map(r -> " inferred by " + r.auditText())
                                        .orElse("")
                                + (assertedBy == null ? "" : " asserted by launch: " + assertedBy)
                                + " (declaration " + declarationId + ")")
                .purposeOfUse(purposes(permitted)));
        for (PrivacyAlert alert : permitted.alerts()) {
            alerts.raise(alert, reader.actor(), personId, declarationId);
        }
    }

    /** One page of a category. A category the role may not see answers nothing and is audited as a denial. */
    public List<ItemView> items(long roleProfileId, long personId, Category category, int first, int max) {
        Reader reader = reader(roleProfileId, personId);
        RecordDecision decision = reader.decision();
        if (decision instanceof RecordDecision.Refused refused) {
            deny(reader, "read " + category + ": " + refused.code());
            return List.of();
        }
        RecordDecision.Permitted permitted = (RecordDecision.Permitted) decision;
        if (permitted.refusalFor(category).isPresent() || !category.isItemCategory()) {
            deny(reader, "read " + category + ": " + RefusalCode.CATEGORY_NOT_PERMITTED);
            return List.of();
        }
        List<ItemView> page = views(items.page(personId, category, permitted.scope(), first, Math.min(max, 200)));
        gate.hold(readAudit.read(read(
                reader,
                permitted,
                "category " + category + ": " + page.size() + " item(s) from " + first
                        + (page.stream().anyMatch(ItemView::withheld) ? ", some withheld" : ""))));
        return page;
    }

    /**
     * One page of a category for the FHIR API's search (issue 20, docs/fhir.md), with the number of
     * items of the category the reader may see that the filter keeps (a Bundle's total) and where the
     * next page starts: the same reader, decision and scope as {@link #items}, the filter and the
     * position in the query itself ({@link ItemQuery#search}), newest first, keyset paging. A refused
     * record (no reason declared, opted out, ...) is audited as a denial and refused with the
     * refusal's plain-English reason; a category hidden from the role answers an empty page with total
     * 0 (nothing says it exists), audited as a denial. A read is audited with its purpose of use; the
     * caller waits for that event to commit ({@link AuditGate}) before it answers.
     *
     * @param after where the page starts (the previous page's {@link CategoryPage#next}), null for the first
     * @throws IcrException NOT_PERMITTED when the record may not be read, NOT_FOUND for no such person
     */
    public CategoryPage apiSearch(
            long roleProfileId, long personId, Category category, ApiFilter filter, PageKey after, int max) {
        Reader reader = reader(roleProfileId, personId);
        RecordDecision decision = reader.decision();
        if (decision instanceof RecordDecision.Refused refused) {
            deny(reader, "FHIR read " + category + ": " + refused.code());
            throw new IcrException(ErrorCode.NOT_PERMITTED, refused.refusal().reason());
        }
        RecordDecision.Permitted permitted = (RecordDecision.Permitted) decision;
        if (permitted.refusalFor(category).isPresent() || !category.isItemCategory()) {
            deny(reader, "FHIR read " + category + ": " + RefusalCode.CATEGORY_NOT_PERMITTED);
            return new CategoryPage(personId, List.of(), 0, Map.of(), Map.of(), null);
        }
        return apiPage(reader, permitted, personId, EnumSet.of(category), filter, after, max, "FHIR " + category);
    }

    /**
     * One page of {@code Patient/{id}/$everything} (issue 20, docs/fhir.md): the items of every category
     * of {@code served} (the resource types the API registers) that the reader's role may see, newest
     * first across them, keyset paged as {@link #apiSearch}; hidden categories are left out by the query
     * and counted nowhere, sealed items withheld as in a search. Audited as one RECORD_VIEW event per
     * call naming the categories read; a refused record as a denial, refused.
     *
     * @throws IcrException NOT_PERMITTED when the record may not be read, NOT_FOUND for no such person
     */
    public CategoryPage apiEverything(long roleProfileId, long personId, Set<Category> served, PageKey after, int max) {
        Reader reader = reader(roleProfileId, personId);
        RecordDecision decision = reader.decision();
        if (decision instanceof RecordDecision.Refused refused) {
            deny(reader, "FHIR $everything: " + refused.code());
            throw new IcrException(ErrorCode.NOT_PERMITTED, refused.refusal().reason());
        }
        RecordDecision.Permitted permitted = (RecordDecision.Permitted) decision;
        Set<Category> read = EnumSet.noneOf(Category.class);
        for (Category category : served) {
            if (category.isItemCategory()
                    && permitted.refusalFor(category).isEmpty()
                    && permitted.scope().itemCategories().contains(category)) {
                read.add(category);
            }
        }
        return apiPage(reader, permitted, personId, read, ApiFilter.ALL, after, max, "FHIR $everything " + read);
    }

    private CategoryPage apiPage(
            Reader reader,
            RecordDecision.Permitted permitted,
            long personId,
            Set<Category> categories,
            ApiFilter filter,
            PageKey after,
            int max,
            String what) {
        int n = Math.max(0, Math.min(max, 200));
        ItemQuery.Filter where = filter.query();
        long total = categories.isEmpty() ? 0 : items.count(personId, categories, permitted.scope(), where);
        List<ItemView> rows = n == 0 || categories.isEmpty()
                ? List.of()
                : views(items.search(
                        personId,
                        categories,
                        permitted.scope(),
                        where,
                        after == null ? null : new ItemQuery.After(after.effectiveAt(), after.itemId()),
                        n + 1));
        List<ItemView> page = rows.size() > n ? rows.subList(0, n) : rows;
        PageKey next = rows.size() > n
                ? new PageKey(page.get(n - 1).effectiveAt(), page.get(n - 1).id())
                : null;
        gate.hold(readAudit.read(read(
                reader,
                permitted,
                what + ": " + page.size() + " item(s) of " + total
                        + (after == null ? " from the start" : " after item " + after.itemId())
                        + filter.describe()
                        + (page.stream().anyMatch(ItemView::withheld) ? ", some withheld" : ""))));
        Provenances provenance =
                provenances(personId, page.stream().map(ItemView::id).toList());
        return new CategoryPage(personId, page, total, provenance.updated(), provenance.sources(), next);
    }

    /** When each item last changed and its source's ODS code, by item id (either left out when unknown). */
    private record Provenances(Map<Long, Instant> updated, Map<Long, String> sources) {}

    /** The provenance of the page's items, read for them only ({@link ItemQuery#provenance}, one statement). */
    private Provenances provenances(long personId, List<Long> ids) {
        Map<Long, Instant> updated = new java.util.HashMap<>();
        Map<Long, String> sources = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            items.provenance(personId, ids).forEach((id, p) -> {
                if (p.updatedAt() != null) {
                    updated.put(id, p.updatedAt());
                }
                if (p.odsCode() != null) {
                    sources.put(id, p.odsCode());
                }
            });
        }
        return new Provenances(updated, sources);
    }

    /**
     * The FHIR API's search filters (docs/fhir.md): half-open intervals {@code [from, before)} of the
     * item's effective date and of when it last changed in the record (either end null: open), and
     * {@code none} when the search can match nothing (a category value the resources never carry).
     */
    public record ApiFilter(
            Instant effectiveFrom, Instant effectiveBefore, Instant updatedFrom, Instant updatedBefore, boolean none)
            implements java.io.Serializable {

        public static final ApiFilter ALL = new ApiFilter(null, null, null, null, false);

        ItemQuery.Filter query() {
            return new ItemQuery.Filter(effectiveFrom, effectiveBefore, updatedFrom, updatedBefore, none);
        }

        /** The filter as the audit event names it (dates only, nothing of the record). */
        String describe() {
            StringBuilder text = new StringBuilder();
            if (effectiveFrom != null || effectiveBefore != null) {
                text.append("; date [")
                        .append(effectiveFrom == null ? "" : effectiveFrom)
                        .append(", ")
                        .append(effectiveBefore == null ? "" : effectiveBefore)
                        .append(')');
            }
            if (updatedFrom != null || updatedBefore != null) {
                text.append("; _lastUpdated [")
                        .append(updatedFrom == null ? "" : updatedFrom)
                        .append(", ")
                        .append(updatedBefore == null ? "" : updatedBefore)
                        .append(')');
            }
            if (none) {
                text.append("; a category no item carries");
            }
            return text.toString();
        }
    }

    /** Where a page starts: after the item with this effective date (null: undated) and id. */
    public record PageKey(Instant effectiveAt, long itemId) implements java.io.Serializable {}

    /**
     * One item by its id for the FHIR API's read (issue 20): the item's person found first, then the
     * same reader, decision, scope and audit as {@link #apiSearch}; the answer is a page of at most
     * one item. An item that does not exist, is of another category, or that the scope does not list
     * (a hidden category, a locked seal) is not found, audited as a denial when a record was asked.
     *
     * @throws IcrException NOT_FOUND when there is no such item for the reader, NOT_PERMITTED when
     *     the record may not be read
     */
    public CategoryPage apiItem(long roleProfileId, Category category, long itemId) {
        long personId = items.personOf(itemId, category)
                .orElseThrow(() -> new IcrException(ErrorCode.NOT_FOUND, "No such item."));
        Reader reader = reader(roleProfileId, personId);
        RecordDecision decision = reader.decision();
        if (decision instanceof RecordDecision.Refused refused) {
            deny(reader, "FHIR read " + category + " item " + itemId + ": " + refused.code());
            throw new IcrException(ErrorCode.NOT_PERMITTED, refused.refusal().reason());
        }
        RecordDecision.Permitted permitted = (RecordDecision.Permitted) decision;
        Optional<RecordItem> item = permitted.refusalFor(category).isPresent() || !category.isItemCategory()
                ? Optional.empty()
                : items.one(personId, category, permitted.scope(), itemId);
        if (item.isEmpty()) {
            deny(reader, "FHIR read " + category + " item " + itemId + ": not in scope");
            throw new IcrException(ErrorCode.NOT_FOUND, "No such item.");
        }
        List<ItemView> page = views(List.of(item.get()));
        gate.hold(readAudit.read(read(
                reader,
                permitted,
                "FHIR " + category + " item " + itemId + (page.get(0).withheld() ? " (withheld)" : ""))));
        Map<Long, ItemQuery.ItemProvenance> provenance = items.provenance(personId, List.of(itemId));
        ItemQuery.ItemProvenance p = provenance.get(itemId);
        return new CategoryPage(
                personId,
                page,
                1,
                p == null || p.updatedAt() == null ? Map.of() : Map.of(itemId, p.updatedAt()),
                p == null || p.odsCode() == null ? Map.of() : Map.of(itemId, p.odsCode()),
                null);
    }

    /**
     * A page of one category (or of several: $everything) of a person's record, how many items the
     * reader may see in all, for each item of the page when it last changed and its source
     * organisation's ODS code (by item id), and where the next page starts (null: this is the last).
     */
    public record CategoryPage(
            long personId,
            List<ItemView> items,
            long total,
            Map<Long, Instant> lastUpdated,
            Map<Long, String> sourceOdsCodes,
            PageKey next)
            implements java.io.Serializable {

        public CategoryPage {
            items = List.copyOf(items);
            lastUpdated = Map.copyOf(lastUpdated);
            sourceOdsCodes = Map.copyOf(sourceOdsCodes);
        }
    }

    /**
     * The current items of a category (current medications, active problems), newest first, at most
     * 200; the past ones are the rest of {@link #items}.
     */
    public List<ItemView> currentItems(long roleProfileId, long personId, Category category) {
        Reader reader = reader(roleProfileId, personId);
        Optional<RecordDecision.Permitted> permitted = permitted(reader, Set.of(category), "current " + category);
        if (permitted.isEmpty()) {
            return List.of();
        }
        List<ItemView> current =
                views(items.summary(personId, permitted.get().scope(), List.of(new SummarySection(category, 200, true)))
                        .getOrDefault(category, List.of()));
        gate.hold(readAudit.read(
                read(reader, permitted.get(), "current " + category + ": " + current.size() + " item(s)")));
        return current;
    }

    /**
     * A page of the combined timeline, newest first: the events of every {@link #TIMELINE_CATEGORIES
     * timeline category} the role may see; hidden categories are left out by the query itself.
     */
    public List<ItemView> timeline(long roleProfileId, long personId, int first, int max) {
        Reader reader = reader(roleProfileId, personId);
        Optional<RecordDecision.Permitted> permitted = permitted(reader, Set.of(), "timeline");
        if (permitted.isEmpty()) {
            return List.of();
        }
        Set<Category> timeline = EnumSet.copyOf(TIMELINE_CATEGORIES);
        timeline.retainAll(permitted.get().scope().itemCategories());
        if (timeline.isEmpty()) {
            deny(reader, "read timeline: " + RefusalCode.CATEGORY_NOT_PERMITTED);
            return List.of();
        }
        List<ItemView> page =
                views(items.page(personId, timeline, permitted.get().scope(), first, Math.min(max, 200)));
        gate.hold(readAudit.read(
                read(reader, permitted.get(), "timeline " + timeline + ": " + page.size() + " item(s) from " + first)));
        return page;
    }

    /** Every result of one test (code system and code), oldest first, for the trend chart. */
    public List<ItemView> resultSeries(long roleProfileId, long personId, String codeSystem, String code) {
        Reader reader = reader(roleProfileId, personId);
        Optional<RecordDecision.Permitted> permitted =
                permitted(reader, Set.of(Category.RESULTS), "trend " + codeSystem + " " + code);
        if (permitted.isEmpty()) {
            return List.of();
        }
        List<ItemView> series = views(items.series(personId, permitted.get().scope(), codeSystem, code, 500));
        gate.hold(readAudit.read(read(
                reader, permitted.get(), "trend " + codeSystem + " " + code + ": " + series.size() + " result(s)")));
        return series;
    }

    /**
     * A document's content for the in-page viewer. A document of a category the role may not see,
     * withheld (sealed), withdrawn or of another person is never served: the answer is empty and
     * the attempt is audited as a denial.
     */
    public Optional<DocumentView> document(long roleProfileId, long personId, long itemId) {
        Reader reader = reader(roleProfileId, personId);
        Optional<RecordDecision.Permitted> permitted =
                permitted(reader, Set.of(Category.DOCUMENTS), "document " + itemId);
        if (permitted.isEmpty()) {
            return Optional.empty();
        }
        Optional<DocumentView> document =
                items.document(personId, permitted.get().scope(), itemId).map(DocumentView::of);
        if (document.isEmpty()) {
            deny(reader, "document " + itemId + ": not in scope, withheld or not found");
            return document;
        }
        gate.hold(readAudit.read(read(
                reader,
                permitted.get(),
                "document " + itemId + " opened (" + document.get().contentType() + ")")));
        return document;
    }

    /**
     * A document's content for the FHIR API's {@code Binary/{id}} (issue 20, docs/fhir.md): the
     * document's person found by the item's id, then exactly {@link #document}, the viewer's own read
     * (same decision, scope, withheld rule and audit); empty when the viewer would not serve it.
     */
    public Optional<DocumentView> apiDocument(long roleProfileId, long itemId) {
        Optional<Long> personId = items.personOf(itemId, Category.DOCUMENTS);
        if (personId.isEmpty()) {
            return Optional.empty();
        }
        return document(roleProfileId, personId.get(), itemId);
    }

    /** Results read at most for a person's reports (docs/fhir.md, "DiagnosticReport"). */
    static final int REPORT_RESULTS_READ = 5000;

    /**
     * A page of a person's reports of results for the FHIR API's DiagnosticReport (issue 20,
     * docs/fhir.md): the person's results the reader may see (the same reader, decision, scope and
     * query as {@link #apiSearch} for RESULTS, at most {@value #REPORT_RESULTS_READ} of the newest),
     * grouped by {@link ResultReport#group}, at most {@code max} reports after {@code after} (the sort
     * key of the previous page's last report's newest result; null: from the start), so that a new
     * report neither repeats nor skips one of the later pages, as {@link #apiSearch}; {@code total}
     * the reports the reader may see. Refusals and a hidden category as {@link #apiSearch}; audited
     * with its purpose of use.
     *
     * @throws IcrException NOT_PERMITTED when the record may not be read
     */
    public ReportPage apiReports(long roleProfileId, long personId, PageKey after, int max) {
        Reader reader = reader(roleProfileId, personId);
        RecordDecision decision = reader.decision();
        if (decision instanceof RecordDecision.Refused refused) {
            deny(reader, "FHIR read reports: " + refused.code());
            throw new IcrException(ErrorCode.NOT_PERMITTED, refused.refusal().reason());
        }
        RecordDecision.Permitted permitted = (RecordDecision.Permitted) decision;
        if (permitted.refusalFor(Category.RESULTS).isPresent()) {
            deny(reader, "FHIR read reports: " + RefusalCode.CATEGORY_NOT_PERMITTED);
            return new ReportPage(personId, List.of(), 0, Map.of(), Map.of(), null);
        }
        List<ResultReport> all = ResultReport.group(
                views(items.page(personId, Category.RESULTS, permitted.scope(), 0, REPORT_RESULTS_READ)));
        int n = Math.max(0, Math.min(max, 200));
        List<ResultReport> rest = all.stream()
                .filter(report -> after == null || ResultReport.comesAfter(report, after.effectiveAt(), after.itemId()))
                .toList();
        List<ResultReport> page = rest.stream().limit(n).toList();
        PageKey next = rest.size() > n && n > 0
                ? new PageKey(
                        page.get(n - 1).results().get(0).effectiveAt(),
                        page.get(n - 1).results().get(0).id())
                : null;
        gate.hold(readAudit.read(read(
                reader,
                permitted,
                "FHIR reports: " + page.size() + " report(s) of " + all.size()
                        + (after == null ? " from the start" : " after result " + after.itemId()) + ", "
                        + page.stream().mapToInt(r -> r.results().size()).sum() + " result(s)")));
        return reportPage(personId, page, all.size(), next);
    }

    /**
     * One report by its id (the smallest id of its results) for the FHIR API's DiagnosticReport
     * read: the result's person found first, then as {@link #apiReports}. No such report for the
     * reader (no such result, not the report's id, hidden, withheld) is not found, audited as a
     * denial when a record was asked.
     *
     * @throws IcrException NOT_FOUND when there is no such report for the reader, NOT_PERMITTED
     *     when the record may not be read
     */
    public ReportPage apiReport(long roleProfileId, long reportId) {
        long personId = items.personOf(reportId, Category.RESULTS)
                .orElseThrow(() -> new IcrException(ErrorCode.NOT_FOUND, "No such report."));
        Reader reader = reader(roleProfileId, personId);
        RecordDecision decision = reader.decision();
        if (decision instanceof RecordDecision.Refused refused) {
            deny(reader, "FHIR read report " + reportId + ": " + refused.code());
            throw new IcrException(ErrorCode.NOT_PERMITTED, refused.refusal().reason());
        }
        RecordDecision.Permitted permitted = (RecordDecision.Permitted) decision;
        ResultReport report = permitted.refusalFor(Category.RESULTS).isPresent()
                        || items.one(personId, Category.RESULTS, permitted.scope(), reportId)
                                .isEmpty()
                ? null
                : ResultReport.withId(
                        ResultReport.group(views(
                                items.page(personId, Category.RESULTS, permitted.scope(), 0, REPORT_RESULTS_READ))),
                        reportId);
        if (report == null) {
            deny(reader, "FHIR read report " + reportId + ": not in scope");
            throw new IcrException(ErrorCode.NOT_FOUND, "No such report.");
        }
        gate.hold(readAudit.read(read(
                reader,
                permitted,
                "FHIR report " + reportId + ": " + report.results().size() + " result(s)")));
        return reportPage(personId, List.of(report), 1, null);
    }

    private ReportPage reportPage(long personId, List<ResultReport> reports, long total, PageKey next) {
        List<Long> ids = reports.stream()
                .flatMap(r -> r.results().stream())
                .map(ItemView::id)
                .toList();
        Provenances provenance = provenances(personId, ids);
        return new ReportPage(personId, reports, total, provenance.updated(), provenance.sources(), next);
    }

    /**
     * A page of a person's reports of results, how many the reader may see in all, for each result of
     * the page when it last changed and its source's ODS code (by item id), and where the next page
     * starts (null: none).
     */
    public record ReportPage(
            long personId,
            List<ResultReport> reports,
            long total,
            Map<Long, Instant> lastUpdated,
            Map<Long, String> sourceOdsCodes,
            PageKey next)
            implements java.io.Serializable {

        public ReportPage {
            reports = List.copyOf(reports);
            lastUpdated = Map.copyOf(lastUpdated);
            sourceOdsCodes = Map.copyOf(sourceOdsCodes);
        }
    }

    /** The decision for a read that needs {@code categories}; a refusal is audited as a denial. */
    private Optional<RecordDecision.Permitted> permitted(Reader reader, Set<Category> categories, String what) {
        RecordDecision decision = reader.decision();
        if (decision instanceof RecordDecision.Refused refused) {
            deny(reader, "read " + what + ": " + refused.code());
            return Optional.empty();
        }
        RecordDecision.Permitted permitted = (RecordDecision.Permitted) decision;
        for (Category category : categories) {
            if (permitted.refusalFor(category).isPresent() || !category.isItemCategory()) {
                deny(reader, "read " + what + ": " + RefusalCode.CATEGORY_NOT_PERMITTED);
                return Optional.empty();
            }
        }
        return Optional.of(permitted);
    }

    private Reader reader(long roleProfileId, long personId) {
        return Reader.of(readings, alerts, session.getCallerPrincipal(), roleProfileId, personId);
    }

    private static boolean needsReason(RefusalCode code) {
        // A stored reason the role may no longer give (role_reason changed) is asked for again.
        return code == RefusalCode.NO_REASON
                || code == RefusalCode.REASON_EXPIRED
                || code == RefusalCode.REASON_NOT_FOR_ROLE;
    }

    private void deny(Reader reader, String what) {
        alerts.denied(reader.actor(), reader.personId(), what);
    }

    private static AuditEvent read(Reader reader, RecordDecision.Permitted permitted, String what) {
        return new AuditEvent(
                        AuditAction.RECORD_VIEW,
                        AuditOutcome.SUCCESS,
                        reader.actor(),
                        reader.personId(),
                        what + "; reason " + permitted.reason())
                .purposeOfUse(purposes(permitted));
    }

    /** Rows of a scoped read as the page sees them (the boundary's types; ItemQuery returns entity rows). */
    private static List<ItemView> views(List<RecordItem> rows) {
        return rows.stream().map(ItemView::of).toList();
    }

    private static Map<Category, List<ItemView>> views(Map<Category, List<RecordItem>> rows) {
        Map<Category, List<ItemView>> views = new EnumMap<>(Category.class);
        rows.forEach((category, items) -> views.put(category, views(items)));
        return views;
    }

    private static String purposes(RecordDecision.Permitted permitted) {
        return permitted.purposesOfUse().stream().map(Enum::name).collect(Collectors.joining(" "));
    }
}
