package org.openicr.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import org.openicr.vocabulary.SharingMode;

/** A partner organisation of the region, identified by its ODS code. */
@Entity
@Table(name = "organisation")
@NamedQuery(name = Organisation.ALL, query = "select o from Organisation o order by o.odsCode")
@NamedQuery(name = Organisation.BY_ODS_CODE, query = "select o from Organisation o where o.odsCode = :odsCode")
public class Organisation {

    public static final String ALL = "Organisation.all";
    public static final String BY_ODS_CODE = "Organisation.byOdsCode";

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

    public Organisation(String odsCode, String name, String type, SharingMode sharingMode) {
        change(odsCode, name, type, sharingMode);
        this.active = true;
    }

    /** Changes what the administrator may edit; the caller checks the ODS code is not taken. */
    public void change(String odsCode, String name, String type, SharingMode sharingMode) {
        this.odsCode = Objects.requireNonNull(odsCode, "An ODS code is required.");
        this.name = Objects.requireNonNull(name, "A name is required.");
        this.type = Objects.requireNonNull(type, "A type is required.");
        this.sharingMode = Objects.requireNonNull(sharingMode, "A sharing mode is required.");
    }

    /** Inactive: its data leaves view at once and its sources stop; nothing is deleted. */
    public void activate(boolean active) {
        this.active = active;
    }

    /** The state as an audit event shows it before and after a change. */
    public String describe() {
        return "ods=" + odsCode + ", name=" + name + ", type=" + type + ", sharing=" + sharingMode + ", active="
                + active;
    }

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
