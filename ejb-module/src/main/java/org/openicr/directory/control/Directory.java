package org.openicr.directory.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.openicr.directory.entity.Organisation;
import org.openicr.directory.entity.PasswordRules;
import org.openicr.directory.entity.RbacRole;
import org.openicr.directory.entity.UserAccount;
import org.openicr.directory.entity.Usernames;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * The administration boundaries' shared look-ups (each refused with a message an administrator
 * can act on) and password hashing with the same PBKDF2 parameters sign-in checks.
 */
@Dependent
public class Directory {

    /** The PBKDF2 parameters of every password hash (sign-in, accounts, tools/directory-cli). */
    public static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @PostConstruct
    void init() {
        passwordHash.initialize(HASH_PARAMETERS);
    }

    public UserAccount account(String username) {
        return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", username == null ? "" : username.strip())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IcrException(ErrorCode.NOT_FOUND, "No such account."));
    }

    public boolean accountExists(String username) {
        return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .isPresent();
    }

    public Organisation organisation(String odsCode) {
        return em.createNamedQuery(Organisation.BY_ODS_CODE, Organisation.class)
                .setParameter("odsCode", odsCode == null ? "" : odsCode.strip().toUpperCase(java.util.Locale.ROOT))
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IcrException(ErrorCode.NOT_FOUND, "No organisation has that ODS code."));
    }

    public boolean organisationExists(String odsCode) {
        return em.createNamedQuery(Organisation.BY_ODS_CODE, Organisation.class)
                .setParameter("odsCode", odsCode)
                .getResultStream()
                .findFirst()
                .isPresent();
    }

    public RbacRole role(String code) {
        RbacRole role = code == null ? null : em.find(RbacRole.class, code.strip());
        if (role == null) {
            throw new IcrException(ErrorCode.NOT_FOUND, "No such RBAC role code.");
        }
        return role;
    }

    /** A username in stored form, refused when malformed or taken. */
    public String newUsername(String text) {
        String username = Usernames.username(text)
                .orElseThrow(() -> new IcrException(
                        ErrorCode.INVALID_INPUT,
                        "A username is 3 to 100 lower-case letters, digits, dots, hyphens or underscores."));
        if (accountExists(username)) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "The username " + username + " is taken.");
        }
        return username;
    }

    /** The PBKDF2 hash of a password the rules accept; the password array is cleared. */
    public String hash(String username, char[] password) {
        try {
            PasswordRules.refusal(username, password).ifPresent(why -> {
                throw new IcrException(ErrorCode.INVALID_INPUT, why);
            });
            return passwordHash.generate(password);
        } finally {
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
        }
    }

    /** Whether the password matches a stored hash (the same PBKDF2 work whatever the answer). */
    public boolean verify(char[] password, String hash) {
        return passwordHash.verify(password, hash);
    }

    public static String required(String text, String what, int max) {
        if (text == null || text.isBlank()) {
            throw new IcrException(ErrorCode.INVALID_INPUT, what + " is required.");
        }
        String value = text.strip();
        if (value.length() > max) {
            throw new IcrException(ErrorCode.INVALID_INPUT, what + " must have at most " + max + " characters.");
        }
        return value;
    }
}
