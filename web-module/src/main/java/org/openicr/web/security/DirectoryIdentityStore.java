package org.openicr.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.openicr.directory.boundary.Authentication;
import org.openicr.directory.boundary.AuthenticationOutcome;
import org.openicr.directory.boundary.SignInChannel;

/**
 * The identity store: the directory's accounts with PBKDF2 password hashes. Groups are NHS RBAC
 * job role codes (or SOURCE_SYSTEM), mapped to application roles in the EAR's
 * glassfish-application.xml. Lockout, the sign-in throttle, the channel rule and auditing happen
 * in the directory's boundary; the authentication mechanism calls {@link #check} with the channel
 * and the client's address.
 */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

    @EJB
    Authentication authentication;

    /** A credential presented on a channel by a client address. */
    public AuthenticationOutcome check(
            UsernamePasswordCredential credential, String clientAddress, SignInChannel channel) {
        String username = credential.getCaller();
        if (username == null || username.isBlank() || username.length() > 100) {
            return AuthenticationOutcome.invalid();
        }
        return authentication.authenticate(
                username.strip(), credential.getPassword().getValue(), clientAddress, channel);
    }

    /** Through the container's handler (nothing in the application uses it): a sign-in page's rules. */
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        AuthenticationOutcome outcome = check(credential, "unknown", SignInChannel.PAGE);
        return outcome.isValid()
                ? new CredentialValidationResult(outcome.username(), outcome.groups())
                : CredentialValidationResult.INVALID_RESULT;
    }
}
