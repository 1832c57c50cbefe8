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
import org.openicr.directory.boundary.SourceRow;
import org.openicr.directory.boundary.SourceSystemAdministration;
import org.openicr.vocabulary.IcrException;

/** Source systems and their system accounts: the list, create, disable and enable. */
@Named
@ViewScoped
public class SourcesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient SourceSystemAdministration administration;

    @EJB
    transient OrganisationAdministration organisationAdministration;

    private List<SourceRow> sources;
    private List<OrganisationRow> organisations;
    private String code;
    private String name;
    private String odsCode;
    private String username;
    private String password;

    @PostConstruct
    void load() {
        sources = administration.sources();
        organisations = organisationAdministration.organisations();
    }

    public void create() {
        try {
            administration.create(code, name, odsCode, username, password == null ? null : password.toCharArray());
            Messages.addGlobalInfo("Source " + code.strip() + " created with its account.");
            code = null;
            name = null;
            odsCode = null;
            username = null;
            load();
        } catch (IcrException refused) {
            Messages.addGlobalError(refused.reason());
            passwordNote(password);
        } finally {
            password = null;
        }
    }

    public void setActive(String source, boolean active) {
        try {
            administration.setActive(source, active);
            Messages.addGlobalInfo(
                    "Source " + source + (active ? " enabled." : " disabled: its messages are refused from now on."));
        } catch (IcrException refused) {
            Messages.addGlobalError(refused.reason());
        }
        load();
    }

    public void setAuthority(String source, boolean demographics, boolean patientIndex) {
        try {
            administration.setAuthority(source, demographics, patientIndex);
            Messages.addGlobalInfo("Source " + source + ": authoritative for demographics "
                    + (demographics ? "yes" : "no") + ", for the patient index " + (patientIndex ? "yes" : "no")
                    + ".");
        } catch (IcrException refused) {
            Messages.addGlobalError(refused.reason());
        }
        load();
    }

    public void setObx3ImpliesLoinc(String source, boolean implies) {
        try {
            administration.setObx3ImpliesLoinc(source, implies);
            Messages.addGlobalInfo("Source " + source + ": "
                    + (implies
                            ? "OBX-3 codes of LOINC's shape without a coding system are now kept as LOINC."
                            : "OBX-3 codes without a coding system are now kept as local codes.")
                    + " Messages already received keep their codes.");
        } catch (IcrException refused) {
            Messages.addGlobalError(refused.reason());
        }
        load();
    }

    public List<SourceRow> getSources() {
        return sources;
    }

    public List<OrganisationRow> getOrganisations() {
        return organisations;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOdsCode() {
        return odsCode;
    }

    public void setOdsCode(String odsCode) {
        this.odsCode = odsCode;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** After a failed form the other fields keep what was typed; a password never comes back to the page. */
    static void passwordNote(String typed) {
        if (typed != null && !typed.isEmpty()) {
            Messages.addGlobalWarn("For your security, enter the password again.");
        }
    }
}
