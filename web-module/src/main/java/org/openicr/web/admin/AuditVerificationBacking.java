package org.openicr.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.openicr.audit.boundary.AuditVerification;
import org.openicr.audit.boundary.ChainVerification;

/** The audit trail's verification for privacy officers and administrators. */
@Named
@RequestScoped
public class AuditVerificationBacking {

    @EJB
    AuditVerification verification;

    private ChainVerification result;

    public void verify() {
        result = verification.verify();
    }

    public ChainVerification getResult() {
        return result;
    }
}
