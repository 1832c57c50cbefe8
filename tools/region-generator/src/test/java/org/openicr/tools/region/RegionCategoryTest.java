package org.openicr.tools.region;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openicr.vocabulary.Category;

/**
 * The generator's categories are the names record_item.category holds: exactly the application's
 * item categories, in its order. A category renamed, added or removed there fails here, not in the data.
 */
class RegionCategoryTest {

    @Test
    void theGeneratorsCategoriesAreTheApplicationsItemCategories() {
        assertEquals(
                Arrays.stream(Category.values())
                        .filter(Category::isItemCategory)
                        .map(Category::name)
                        .toList(),
                Arrays.stream(RegionCategory.values()).map(Enum::name).toList());
    }
}
