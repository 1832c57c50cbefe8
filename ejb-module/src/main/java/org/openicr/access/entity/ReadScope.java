package org.openicr.access.entity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.openicr.vocabulary.Category;

/**
 * What one reader may read of one person's record, in a form a repository turns into its query, so
 * nothing is loaded and then filtered (which breaks counts and paging and leaks through other
 * paths). A query honours it with, for items {@code i}:
 *
 * <pre>
 * where i.category in :itemCategories
 *   and i.sourceOrganisationId not in :excludedSourceOrganisationIds
 *   and not (i.category = 'SOCIAL_CARE' and i.sourceOrganisationId in :socialCareExcludedCouncilIds)
 *   and (i.sensitivity &lt;&gt; 'SEALED_LOCKED' or i.sourceOrganisationId = :actorOrganisationId)
 * select ..., case when i.sensitivity = 'SEALED' and i.sourceOrganisationId &lt;&gt; :actorOrganisationId
 *                   and i.id not in :sealBrokenItemIds then null else i.content end
 * </pre>
 *
 * (leave out a {@code not in} whose set is empty: JPQL does not accept an empty list). The person's
 * address, telephone and GP practice are left out of the select when {@link #hideContactDetails()}.
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
