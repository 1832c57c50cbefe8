package org.openicr.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.openicr.audit.boundary.AuditVerification;
import org.openicr.audit.control.AuditChainStore;

/** The audit trail's verification for privacy officers and administrators. */
@Named
@RequestScoped
public class AuditVerificationBacking {

    @EJB
    AuditVerification verification;

    private AuditChainStore.Verification result;

    public void verify() {
        result = verification.verify();
    }

    public AuditChainStore.Verification getResult() {
        return result;
    }
}
