package org.openicr.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.openicr.directory.boundary.Authentication;
import org.openicr.directory.boundary.AuthenticationOutcome;

/**
 * The identity store: the directory's accounts with PBKDF2 password hashes. Groups are NHS RBAC
 * job role codes (or SOURCE_SYSTEM), mapped to application roles in the EAR's
 * glassfish-application.xml. Lockout and auditing happen in the directory's boundary.
 */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

    @EJB
    Authentication authentication;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String username = credential.getCaller();
        if (username == null || username.isBlank() || username.length() > 100) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        AuthenticationOutcome outcome = authentication.authenticate(
                username.strip(), credential.getPassword().getValue());
        return outcome.isValid()
                ? new CredentialValidationResult(outcome.username(), outcome.groups())
                : CredentialValidationResult.INVALID_RESULT;
    }
}
