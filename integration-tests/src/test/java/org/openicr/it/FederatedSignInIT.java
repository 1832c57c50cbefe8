package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openicr.directory.boundary.Authentication;
import org.openicr.directory.boundary.AuthenticationOutcome;
import org.openicr.directory.boundary.FederatedSignIn;
import org.openicr.directory.boundary.LocalSignIn;
import org.openicr.directory.boundary.NationalRbacClaims.TokenIdentity;
import org.openicr.directory.boundary.NationalRbacClaims.TokenProfile;
import org.openicr.directory.boundary.SignInChannel;
import org.openicr.directory.control.Directory;

/**
 * Inside the real server against the real PostgreSQL (issue 19): the token's role profiles written
 * into the directory as a cache keyed by the national ids (FederatedSignIn), and the local form's
 * setting (LocalSignIn) in each of its modes, set as the system property a running domain takes.
 * Needs no identity provider: the token's validation is SingleSignOnBrowserIT's.
 */
@ExtendWith(ArquillianExtension.class)
class FederatedSignInIT {

    @Deployment
    static EnterpriseArchive deployment() throws IOException {
        EnterpriseArchive ear = TestEnvironment.ear();
        WebArchive war = ear.getAsType(WebArchive.class, "web.war");
        war.addClass(FederatedSignInIT.class);
        String webXml = new String(
                        war.get("WEB-INF/web.xml").getAsset().openStream().readAllBytes(), StandardCharsets.UTF_8)
                .replace(
                        "<url-pattern>/login.xhtml</url-pattern>",
                        "<url-pattern>/login.xhtml</url-pattern><url-pattern>/ArquillianServletRunnerEE9</url-pattern>");
        war.setWebXML(new StringAsset(webXml));
        return ear;
    }

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @EJB
    FederatedSignIn federated;

    @EJB
    Authentication authentication;

    private static final String ORG = "ITFED1";

    private long scalar(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void update(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    private String localAccount(String password, String... roles) throws Exception {
        String username = "it.fed" + System.nanoTime();
        passwordHash.initialize(Directory.HASH_PARAMETERS);
        update(
                "insert into user_account (username, display_name, kind, password_hash) values (?, 'Fed Test', 'PERSON', ?)",
                username,
                passwordHash.generate(password.toCharArray()));
        update(
                "insert into organisation (ods_code, name, org_type) values (?, 'IT Fed Org', 'ACUTE_TRUST')"
                        + " on conflict do nothing",
                ORG);
        for (String role : roles) {
            update(
                    "insert into role_profile (user_account_id, rbac_role_code, organisation_id)"
                            + " select u.id, ?, o.id from user_account u, organisation o"
                            + " where u.username = ? and o.ods_code = ?",
                    role,
                    username,
                    ORG);
        }
        return username;
    }

    private static String id() {
        return Long.toString(100_000_000_000L + System.nanoTime() % 800_000_000_000L);
    }

    @Test
    void theTokensProfilesBecomeTheAccountsAndTheRestAreWithdrawn() throws Exception {
        String username = localAccount("Local-pw-1", "R8000", "R8001");
        long adopted = scalar(
                "select p.id from role_profile p join user_account a on a.id = p.user_account_id"
                        + " where a.username = ? and p.rbac_role_code = 'R8000'",
                username);
        String useruid = id();
        String first = id();
        String second = id();
        FederatedSignIn.Outcome outcome = federated.signIn(new TokenIdentity(
                useruid,
                username,
                "Dr Fed Test",
                3,
                List.of(
                        new TokenProfile(first, "R8000", ORG, "Clinical Practitioner Access Role", List.of("B0083")),
                        new TokenProfile(second, "R8003", ORG, "Health Professional Access Role", List.of()),
                        new TokenProfile(id(), "R8000", "ZZ999", "Clinical Practitioner Access Role", List.of()),
                        new TokenProfile(id(), "R9999", ORG, "Unknown Role", List.of())),
                1));
        assertTrue(outcome.signedIn());
        assertEquals(username, outcome.username(), "the local account of the same name is taken over");
        assertEquals(Set.of("R8000", "R8003"), outcome.groups());
        assertEquals(3, outcome.notUsable().size(), outcome.notUsable()::toString);
        assertTrue(
                outcome.notUsable().get(0).contains("ZZ999: this organisation is not part of this shared care record"));
        assertTrue(outcome.notUsable().get(1).contains("has no access"));
        assertEquals(useruid, nhsid(username));
        assertEquals(3, scalar("select assurance_level from user_account where username = ?", username));
        // The local R8000 profile was adopted (same id: its declarations stay), bound and allowed to break seals.
        assertEquals(adopted, scalar("select id from role_profile where person_roleid = ?", first));
        assertEquals(1, scalar("select count(*) from role_profile where person_roleid = ? and may_break_seal", first));
        // R8001 was not in the token: kept, unusable.
        assertEquals(
                0,
                scalar(
                        "select count(*) from role_profile p join user_account a on a.id = p.user_account_id"
                                + " where a.username = ? and p.rbac_role_code = 'R8001' and p.active",
                        username));
        assertEquals(
                1,
                scalar(
                        "select count(*) from audit_event where action = 'LOGIN' and username = ?"
                                + " and detail like 'through the identity provider, assurance level 3%'",
                        username));

        // The next sign-in: the national directory took R8003 away and the level is 2 (an authenticator).
        FederatedSignIn.Outcome again = federated.signIn(new TokenIdentity(
                useruid,
                "someone.else",
                "Dr Fed Test",
                2,
                List.of(new TokenProfile(first, "R8000", ORG, null, List.of())),
                0));
        assertEquals(username, again.username(), "found by nhsid_useruid, whatever the username says");
        assertEquals(Set.of("R8000"), again.groups());
        assertEquals(0, scalar("select count(*) from role_profile where person_roleid = ? and active", second));
        assertEquals(0, scalar("select count(*) from role_profile where person_roleid = ? and may_break_seal", first));
        assertEquals(2, scalar("select assurance_level from user_account where username = ?", username));
    }

    @Test
    void aNewNationalUserGetsANewAccountWithoutAUsablePassword() throws Exception {
        update(
                "insert into organisation (ods_code, name, org_type) values (?, 'IT Fed Org', 'ACUTE_TRUST')"
                        + " on conflict do nothing",
                ORG);
        String useruid = id();
        FederatedSignIn.Outcome outcome = federated.signIn(new TokenIdentity(
                useruid, null, "Nurse New", 3, List.of(new TokenProfile(id(), "R8001", ORG, null, List.of())), 0));
        assertEquals("nhsid-" + useruid, outcome.username());
        assertEquals(Set.of("R8001"), outcome.groups());
        assertFalse(authentication
                .authenticate(outcome.username(), "".toCharArray(), "203.0.113.77", SignInChannel.PAGE)
                .isValid());
    }

    @Test
    void aSourceSystemsAccountIsNeverTakenOver() throws Exception {
        String username = "it.fedsys" + System.nanoTime();
        passwordHash.initialize(Directory.HASH_PARAMETERS);
        update(
                "insert into user_account (username, display_name, kind, password_hash) values (?, 'Sys', 'SYSTEM', ?)",
                username,
                passwordHash.generate("System-pw-1".toCharArray()));
        FederatedSignIn.Outcome outcome = federated.signIn(new TokenIdentity(id(), username, "X", 3, List.of(), 0));
        assertFalse(outcome.signedIn());
        assertEquals(
                0,
                scalar("select count(*) from user_account where username = ? and nhsid_useruid is not null", username));
    }

    @Test
    void theLocalFormSettingDecidesWhoMayUseAPassword() throws Exception {
        String clinician = localAccount("Local-pw-1", "R8000");
        String administrator = localAccount("Local-pw-1", "R8015");
        String before = System.getProperty(LocalSignIn.PROPERTY);
        try {
            System.setProperty(LocalSignIn.PROPERTY, "administrators");
            AuthenticationOutcome refused = authentication.authenticate(
                    clinician, "Local-pw-1".toCharArray(), "203.0.113.78", SignInChannel.PAGE);
            assertFalse(refused.isValid());
            assertTrue(refused.isProviderOnly(), "told to use the NHS identity, after the right password");
            assertEquals(
                    1,
                    scalar(
                            "select count(*) from audit_event where action = 'LOGIN_FAILURE' and username = ?"
                                    + " and detail like 'local password sign-in is for local administrators only%'",
                            clinician));
            AuthenticationOutcome wrong = authentication.authenticate(
                    clinician, "Wrong-pw-1".toCharArray(), "203.0.113.78", SignInChannel.PAGE);
            assertFalse(wrong.isProviderOnly(), "a wrong password is told nothing more");
            assertTrue(authentication
                    .authenticate(administrator, "Local-pw-1".toCharArray(), "203.0.113.78", SignInChannel.PAGE)
                    .isValid());

            System.setProperty(LocalSignIn.PROPERTY, "off");
            assertTrue(authentication
                    .authenticate(administrator, "Local-pw-1".toCharArray(), "203.0.113.78", SignInChannel.PAGE)
                    .isProviderOnly());

            System.setProperty(LocalSignIn.PROPERTY, "everyone");
            assertTrue(authentication
                    .authenticate(clinician, "Local-pw-1".toCharArray(), "203.0.113.78", SignInChannel.PAGE)
                    .isValid());
            assertEquals(
                    0,
                    scalar(
                            "select count(*) from user_account where username = ? and assurance_level is not null",
                            clinician),
                    "a password sign-in carries no provider assurance");
        } finally {
            if (before == null) {
                System.clearProperty(LocalSignIn.PROPERTY);
            } else {
                System.setProperty(LocalSignIn.PROPERTY, before);
            }
        }
    }

    private String nhsid(String username) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select nhsid_useruid from user_account where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
