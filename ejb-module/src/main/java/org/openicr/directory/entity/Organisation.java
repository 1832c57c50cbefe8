package org.openicr.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A partner organisation of the region, identified by its ODS code. */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ods_code")
    private String odsCode;

    private String name;

    @Column(name = "org_type")
    private String type;

    @Enumerated(EnumType.STRING)
    @Column(name = "sharing_mode")
    private SharingMode sharingMode;

    private boolean active;

    protected Organisation() {}

    /** Whether this organisation's source systems may submit data now. */
    public boolean maySubmit() {
        return active && sharingMode == SharingMode.SHARE_AND_VIEW;
    }

    public Long getId() {
        return id;
    }

    public String getOdsCode() {
        return odsCode;
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public SharingMode getSharingMode() {
        return sharingMode;
    }

    public boolean isActive() {
        return active;
    }
}
