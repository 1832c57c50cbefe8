package org.openicr.access.entity;

import java.util.Objects;
import java.util.Set;

/**
 * The state of the region's organisations the decision depends on: the ones made inactive (left the
 * region or suspended), whose data must disappear from view at once.
 */
public record OrganisationFacts(Set<Long> inactiveOrganisationIds) {

    public OrganisationFacts {
        inactiveOrganisationIds =
                Set.copyOf(Objects.requireNonNull(inactiveOrganisationIds, "The inactive organisations are required."));
    }

    public static OrganisationFacts allActive() {
        return new OrganisationFacts(Set.of());
    }
}
