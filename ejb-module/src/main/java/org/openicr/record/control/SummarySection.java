package org.openicr.record.control;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openicr.vocabulary.Category;

/**
 * One section of the record summary: which category, how many of its newest items, and whether
 * only current ones (an active problem, a current medication, an open referral). Sources send their
 * own status words, so "current" means any status that does not say the item is over; an item
 * without a status is current.
 */
public record SummarySection(Category category, int limit, boolean currentOnly) {

    /** Status words (lower case) that mean an item is over: resolved, stopped, closed... */
    public static final Set<String> CLOSED_STATUSES = Set.of(
            "resolved",
            "inactive",
            "remission",
            "stopped",
            "discontinued",
            "completed",
            "closed",
            "ended",
            "finished",
            "cancelled",
            "entered-in-error",
            "refuted",
            "rejected",
            "revoked",
            "declined",
            "superseded",
            "fulfilled",
            "attended",
            "no-show",
            "did-not-attend");

    /**
     * How many of the newest results the summary reads: enough for the latest value of each of the
     * card's tests and the value before it (a test whose latest result is older than these is not
     * among the card's newest tests unless the record holds fewer tests).
     */
    public static final int RESULTS_READ = 60;

    /** What the summary shows, in the order a clinician reads it. */
    public static final List<SummarySection> SUMMARY = List.of(
            new SummarySection(Category.SAFEGUARDING, 5, true),
            new SummarySection(Category.ALLERGIES, 10, true),
            new SummarySection(Category.CARE_PLANS, 10, true),
            new SummarySection(Category.ADJUSTMENTS, 10, true),
            new SummarySection(Category.PROBLEMS, 10, true),
            new SummarySection(Category.MEDICATIONS, 15, true),
            // Immunisations: the newest ones given, whatever their status word (a vaccination is over
            // once given; "completed" must not hide it).
            new SummarySection(Category.IMMUNISATIONS, 5, false),
            // Results: the newest rows from which the page keeps the latest value of each test and the one
            // before it (the card shows up to 8 tests); one read, within the summary's one query.
            new SummarySection(Category.RESULTS, RESULTS_READ, false),
            new SummarySection(Category.ENCOUNTERS, 5, false),
            new SummarySection(Category.APPOINTMENTS, 5, true),
            new SummarySection(Category.REFERRALS, 5, true),
            new SummarySection(Category.SOCIAL_CARE, 5, true),
            new SummarySection(Category.DOCUMENTS, 5, false),
            new SummarySection(Category.CONTACTS, 5, true));

    /**
     * What the alert strip under the banner reads on every page of the record: safeguarding,
     * allergies, care plans (for the resuscitation decision) and reasonable adjustments.
     */
    public static final List<SummarySection> ALERT_STRIP = SUMMARY.subList(0, 4);

    public SummarySection {
        if (!category.isItemCategory() || limit < 1) {
            throw new IllegalArgumentException("A summary section needs an item category and a limit.");
        }
    }

    /** Whether a status (as the source sent it) leaves the item current. */
    public static boolean isCurrent(String status) {
        return status == null
                || status.isBlank()
                || !CLOSED_STATUSES.contains(status.strip().toLowerCase(Locale.ROOT));
    }
}
