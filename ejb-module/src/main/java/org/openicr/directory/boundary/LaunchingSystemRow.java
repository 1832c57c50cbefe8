package org.openicr.directory.boundary;

import java.io.Serializable;
import org.openicr.directory.entity.LaunchingSystem;

/** A launching system as the launch path and the administration page see it (issue 19, item 2). */
public record LaunchingSystemRow(long id, String name, String iss, String jwksUri, String odsCode, boolean active)
        implements Serializable {

    static LaunchingSystemRow of(LaunchingSystem system) {
        return new LaunchingSystemRow(
                system.id(), system.name(), system.iss(), system.jwksUri(), system.odsCode(), system.active());
    }
}
