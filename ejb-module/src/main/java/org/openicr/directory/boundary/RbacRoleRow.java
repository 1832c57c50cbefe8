package org.openicr.directory.boundary;

import java.io.Serializable;

/** An NHS RBAC job role (reference data), for choosing one. */
public record RbacRoleRow(String code, String name) implements Serializable {

    public String label() {
        return code + " " + name;
    }
}
