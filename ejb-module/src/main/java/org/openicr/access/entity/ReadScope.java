package org.openicr.access.entity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.openicr.vocabulary.Category;

/**
 * What one reader may read of one person's record, in a form a query turns into its SQL, so
 * nothing is loaded and then filtered (which breaks counts and paging and leaks through other
 * paths). {@code ItemQuery} is the one place that SQL is written, over {@code record_item i}:
 *
 * <pre>
 * where i.person_id = ? and i.withdrawn_at is null
 *   and i.category = any(itemCategories)
 *   and i.organisation_id &lt;&gt; all(excludedSourceOrganisationIds)
 *   and not (i.category = 'SOCIAL_CARE' and i.organisation_id = any(socialCareExcludedCouncilIds))
 *   and (i.sensitivity &lt;&gt; 'SEALED_LOCKED' or i.organisation_id = actorOrganisationId)
 * </pre>
 *
 * (the two set conditions are left out when their set is empty) hides what the reader is not told
 * exists, and each item's {@code withheld} column,
 *
 * <pre>
 * i.sensitivity = 'SEALED' and i.organisation_id &lt;&gt; actorOrganisationId
 *   and not (i.id = any(sealBrokenItemIds))
 * </pre>
 *
 * keeps back the content ({@code status}, {@code display}, {@code code_system}, {@code code},
 * {@code text}, {@code details}) of an item listed as "withheld by the source". The person's
 * address, telephone and GP practice are left out when {@link #hideContactDetails()}.
 * {@code AccessDecision.visibility} is the same rule as a table; integration-tests' VisibilityRuleIT
 * runs it against the queries.
 *
 * @param categories the categories the reader's role may see, DEMOGRAPHICS included
 * @param actorOrganisationId the reader's organisation: it always sees what it recorded itself
 * @param excludedSourceOrganisationIds inactive organisations, whose items disappear from view
 * @param socialCareExcludedCouncilIds councils refused consent to share, whose SOCIAL_CARE items
 *     are not shown (never contains the reader's own organisation)
 * @param sealBrokenItemIds SEALED items recorded elsewhere whose seal this reader broke (and the
 *     break has not lapsed): their content is shown; every other one is "withheld by the source"
 * @param hideContactDetails the person is restricted: hide address, telephone and GP practice
 */
public record ReadScope(
        Set<Category> categories,
        long actorOrganisationId,
        Set<Long> excludedSourceOrganisationIds,
        Set<Long> socialCareExcludedCouncilIds,
        Set<Long> sealBrokenItemIds,
        boolean hideContactDetails) {

    public ReadScope {
        Objects.requireNonNull(categories, "The categories are required.");
        EnumSet<Category> copy = EnumSet.noneOf(Category.class);
        copy.addAll(categories);
        categories = Collections.unmodifiableSet(copy);
        excludedSourceOrganisationIds = Set.copyOf(excludedSourceOrganisationIds);
        socialCareExcludedCouncilIds = Set.copyOf(socialCareExcludedCouncilIds);
        if (socialCareExcludedCouncilIds.contains(actorOrganisationId)) {
            throw new IllegalArgumentException("A council's own staff always see its social care items.");
        }
        sealBrokenItemIds = Set.copyOf(sealBrokenItemIds);
    }

    public boolean permits(Category category) {
        return categories.contains(category);
    }

    /** The permitted categories that are stored as items: the list for {@code i.category in (...)}. */
    public Set<Category> itemCategories() {
        EnumSet<Category> items = EnumSet.noneOf(Category.class);
        categories.stream().filter(Category::isItemCategory).forEach(items::add);
        return Collections.unmodifiableSet(items);
    }

    public boolean sealBroken(long itemId) {
        return sealBrokenItemIds.contains(itemId);
    }
}
