package org.openicr.directory.boundary;

import java.io.Serializable;
import org.openicr.directory.entity.Organisation;
import org.openicr.vocabulary.SharingMode;

/** A partner organisation as the administrator's list shows it. */
public record OrganisationRow(
        long id, String odsCode, String name, String type, SharingMode sharingMode, boolean active)
        implements Serializable {

    static OrganisationRow of(Organisation o) {
        return new OrganisationRow(
                o.getId(), o.getOdsCode(), o.getName(), o.getType(), o.getSharingMode(), o.isActive());
    }
}
