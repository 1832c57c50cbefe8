package org.openicr.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openicr.access.entity.ItemFacts;
import org.openicr.access.entity.ItemVisibility;
import org.openicr.access.entity.ReadScope;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.Sensitivity;

/**
 * The WHERE clause and select documented on {@link ReadScope}, written out literally, must agree
 * with the item predicate for every item: the query and the single-item check are one rule.
 */
class ReadScopeQueryTest {

    private static final long READER = 1;
    private static final long INACTIVE = 2;
    private static final long REFUSING_COUNCIL = 3;
    private static final long OTHER = 4;

    /** The documented WHERE clause. */
    private static boolean where(ReadScope scope, ItemFacts i) {
        return scope.itemCategories().contains(i.category())
                && !scope.excludedSourceOrganisationIds().contains(i.sourceOrganisationId())
                && !(i.category() == Category.SOCIAL_CARE
                        && scope.socialCareExcludedCouncilIds().contains(i.sourceOrganisationId()))
                && (i.sensitivity() != Sensitivity.SEALED_LOCKED
                        || i.sourceOrganisationId() == scope.actorOrganisationId());
    }

    /** The documented select: content withheld for sealed items from elsewhere unless the seal is broken. */
    private static boolean contentWithheld(ReadScope scope, ItemFacts i) {
        return i.sensitivity() == Sensitivity.SEALED
                && i.sourceOrganisationId() != scope.actorOrganisationId()
                && !scope.sealBroken(i.itemId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void theQueryAndTheItemPredicateAgreeOnEveryItem(String description, ReadScope scope) {
        AccessDecision decision = new AccessDecision();
        for (ItemFacts item : everyItem()) {
            ItemVisibility expected = !where(scope, item)
                    ? ItemVisibility.HIDDEN
                    : contentWithheld(scope, item) ? ItemVisibility.WITHHELD : ItemVisibility.VISIBLE;
            assertEquals(expected, decision.visibility(scope, item), item::toString);
        }
    }

    static Stream<Arguments> scopes() {
        Set<Category> all = EnumSet.allOf(Category.class);
        Set<Category> frontDesk = EnumSet.of(Category.DEMOGRAPHICS, Category.CONTACTS, Category.APPOINTMENTS);
        return Stream.of(
                Arguments.of(
                        "everything, nothing excluded, sealed withheld",
                        new ReadScope(all, READER, Set.of(), Set.of(), Set.of(), false)),
                Arguments.of(
                        "everything, seal broken",
                        new ReadScope(all, READER, Set.of(), Set.of(), Set.of(Scenario.SEALED_ITEM), false)),
                Arguments.of(
                        "everything, inactive source and refusing council",
                        new ReadScope(all, READER, Set.of(INACTIVE), Set.of(REFUSING_COUNCIL), Set.of(), true)),
                Arguments.of(
                        "front desk, inactive source and refusing council, seal broken",
                        new ReadScope(
                                frontDesk,
                                READER,
                                Set.of(INACTIVE),
                                Set.of(REFUSING_COUNCIL),
                                Set.of(Scenario.SEALED_ITEM),
                                false)),
                Arguments.of(
                        "nothing but demographics",
                        new ReadScope(EnumSet.of(Category.DEMOGRAPHICS), READER, Set.of(), Set.of(), Set.of(), false)));
    }

    private static List<ItemFacts> everyItem() {
        List<ItemFacts> items = new ArrayList<>();
        for (Category category : Category.values()) {
            if (!category.isItemCategory()) {
                continue;
            }
            for (long source : new long[] {READER, INACTIVE, REFUSING_COUNCIL, OTHER}) {
                for (Sensitivity sensitivity : Sensitivity.values()) {
                    items.add(new ItemFacts(Scenario.SEALED_ITEM, category, source, sensitivity));
                }
            }
        }
        return items;
    }
}
