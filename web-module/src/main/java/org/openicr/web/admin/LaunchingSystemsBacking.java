package org.openicr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.omnifaces.util.Messages;
import org.openicr.directory.boundary.LaunchingSystemRow;
import org.openicr.directory.boundary.LaunchingSystems;
import org.openicr.directory.boundary.OrganisationAdministration;
import org.openicr.directory.boundary.OrganisationRow;
import org.openicr.vocabulary.IcrException;

/**
 * The clinicians' systems trusted to launch records in context (issue 19, item 2; docs/identity.md,
 * section J): the list, register, stop and allow.
 */
@Named
@ViewScoped
public class LaunchingSystemsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient LaunchingSystems administration;

    @EJB
    transient OrganisationAdministration organisationAdministration;

    private List<LaunchingSystemRow> systems;
    private List<OrganisationRow> organisations;
    private String name;
    private String iss;
    private String jwksUri;
    private String odsCode;

    @PostConstruct
    void load() {
        systems = administration.all();
        organisations = organisationAdministration.organisations();
    }

    public void register() {
        try {
            administration.register(name, iss, jwksUri, odsCode);
            Messages.addGlobalInfo(name.strip() + " registered: its launches are accepted from now on.");
            name = null;
            iss = null;
            jwksUri = null;
            odsCode = null;
            load();
        } catch (IcrException refused) {
            Messages.addGlobalError(refused.reason());
        }
    }

    public void setActive(long id, boolean active) {
        try {
            administration.setActive(id, active);
            Messages.addGlobalInfo(
                    active ? "Its launches are accepted again." : "Its launches are refused from now on.");
        } catch (IcrException refused) {
            Messages.addGlobalError(refused.reason());
        }
        load();
    }

    public List<LaunchingSystemRow> getSystems() {
        return systems;
    }

    public List<OrganisationRow> getOrganisations() {
        return organisations;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIss() {
        return iss;
    }

    public void setIss(String iss) {
        this.iss = iss;
    }

    public String getJwksUri() {
        return jwksUri;
    }

    public void setJwksUri(String jwksUri) {
        this.jwksUri = jwksUri;
    }

    public String getOdsCode() {
        return odsCode;
    }

    public void setOdsCode(String odsCode) {
        this.odsCode = odsCode;
    }
}
