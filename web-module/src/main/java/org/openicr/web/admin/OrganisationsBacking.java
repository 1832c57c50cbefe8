package org.openicr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.omnifaces.util.Messages;
import org.openicr.directory.boundary.OrganisationAdministration;
import org.openicr.directory.boundary.OrganisationRow;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.SharingMode;

/** Partner organisations: the list, a form to create one, and a form to edit the one chosen. */
@Named
@ViewScoped
public class OrganisationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OrganisationAdministration administration;

    private List<OrganisationRow> organisations;
    private Long editing;
    private String odsCode;
    private String name;
    private String type;
    private SharingMode sharingMode = SharingMode.SHARE_AND_VIEW;
    private boolean active = true;

    @PostConstruct
    void load() {
        organisations = administration.organisations();
    }

    public void edit(OrganisationRow row) {
        editing = row.id();
        odsCode = row.odsCode();
        name = row.name();
        type = row.type();
        sharingMode = row.sharingMode();
        active = row.active();
    }

    public void startNew() {
        editing = null;
        odsCode = null;
        name = null;
        type = null;
        sharingMode = SharingMode.SHARE_AND_VIEW;
        active = true;
    }

    public void save() {
        try {
            if (editing == null) {
                administration.create(odsCode, name, type, sharingMode);
                Messages.addGlobalInfo("Organisation " + odsCode.strip().toUpperCase() + " created.");
            } else {
                administration.change(editing, odsCode, name, type, sharingMode, active);
                Messages.addGlobalInfo("Organisation " + odsCode.strip().toUpperCase() + " saved"
                        + (active ? "." : ": inactive, its data is no longer shown to anyone."));
            }
            startNew();
            load();
        } catch (IcrException refused) {
            Messages.addGlobalError(refused.reason());
        }
    }

    public List<OrganisationRow> getOrganisations() {
        return organisations;
    }

    public List<String> getTypes() {
        return OrganisationAdministration.TYPES;
    }

    public SharingMode[] getSharingModes() {
        return SharingMode.values();
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getOdsCode() {
        return odsCode;
    }

    public void setOdsCode(String odsCode) {
        this.odsCode = odsCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public SharingMode getSharingMode() {
        return sharingMode;
    }

    public void setSharingMode(SharingMode sharingMode) {
        this.sharingMode = sharingMode;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
