package org.openicr.directory.boundary;

import java.io.Serializable;
import org.openicr.directory.entity.SourceSystem;

/** A source system and its account as the administrator's list shows them. */
public record SourceRow(
        long id,
        String code,
        String name,
        String organisationOds,
        String organisationName,
        String accountUsername,
        boolean active,
        boolean maySubmit,
        boolean authoritativeDemographics,
        boolean authoritativePatientIndex,
        boolean hl7Obx3ImpliesLoinc)
        implements Serializable {

    static SourceRow of(SourceSystem s) {
        return new SourceRow(
                s.getId(),
                s.getCode(),
                s.getName(),
                s.getOrganisation().getOdsCode(),
                s.getOrganisation().getName(),
                s.getAccount().getUsername(),
                s.isActive(),
                s.maySubmit() && s.getAccount().isEnabled(),
                s.isAuthoritativeDemographics(),
                s.isAuthoritativePatientIndex(),
                s.isHl7Obx3ImpliesLoinc());
    }
}
