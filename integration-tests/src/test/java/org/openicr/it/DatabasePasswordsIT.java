package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 4: the embedded PostgreSQL (the demo's and the tests') asks every role for its
 * password (scram-sha-256), the superuser's included: a connection without a password or with a
 * wrong one is refused for postgres, the owner role and the application role, and the right
 * password lets each in.
 */
class DatabasePasswordsIT {

    record Account(String user, String password) {}

    private static List<Account> accounts() {
        return List.of(
                new Account("postgres", TestEnvironment.superuserPassword()),
                new Account(TestEnvironment.ownerUser(), TestEnvironment.ownerPassword()),
                new Account(TestEnvironment.applicationUser(), TestEnvironment.applicationPassword()));
    }

    private static String tryToConnect(String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(TestEnvironment.databaseUrl(), properties)) {
            return "connected";
        } catch (SQLException e) {
            return "refused";
        }
    }

    @Test
    void noRoleConnectsWithoutItsPassword() {
        List<String> outcomes = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Account account : accounts()) {
            outcomes.add(account.user() + " without a password: " + tryToConnect(account.user(), null));
            outcomes.add(account.user() + " with an empty password: " + tryToConnect(account.user(), ""));
            outcomes.add(account.user() + " with a wrong password: "
                    + tryToConnect(account.user(), "wrong-" + account.password()));
            outcomes.add(account.user() + " with its password: " + tryToConnect(account.user(), account.password()));
            expected.add(account.user() + " without a password: refused");
            expected.add(account.user() + " with an empty password: refused");
            expected.add(account.user() + " with a wrong password: refused");
            expected.add(account.user() + " with its password: connected");
        }
        assertEquals(expected, outcomes);
    }

    @Test
    void everyRuleOfTheServerAsksForScramAndEveryPasswordIsStoredAsScram() throws Exception {
        try (Connection c = TestEnvironment.superuserDatabase()) {
            assertEquals(List.of("scram-sha-256"), strings(c, "select distinct auth_method from pg_hba_file_rules"));
            assertEquals(
                    List.of(),
                    strings(
                            c,
                            "select rolname from pg_authid where rolcanlogin"
                                    + " and (rolpassword is null or rolpassword not like 'SCRAM-SHA-256$%') order by rolname"));
            assertEquals(
                    List.of("localhost"),
                    strings(c, "select setting from pg_settings where name = 'listen_addresses'"));
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
