package org.openicr.directory.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An NHS National RBAC job role (reference data). */
@Entity
@Table(name = "rbac_role")
public class RbacRole {

    @Id
    private String code;

    private String name;

    protected RbacRole() {}

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}
