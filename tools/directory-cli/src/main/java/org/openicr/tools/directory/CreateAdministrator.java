package org.openicr.tools.directory;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Creates the first local administrator (RBAC R8015 Systems Support) of a new installation, and
 * its organisation when missing. Database coordinates come from OPENICR_DB_URL / OPENICR_DB_USER /
 * OPENICR_DB_PASSWORD; the new password is read from the console (or standard input), never from
 * the command line, so it stays out of shell history and process lists.
 *
 * <p>Usage: {@code java -jar directory-cli.jar USERNAME "Display Name" ODS_CODE "Organisation name"}
 */
public final class CreateAdministrator {

    private CreateAdministrator() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println(
                    "usage: java -jar directory-cli.jar USERNAME \"Display Name\" ODS_CODE \"Organisation name\"");
            System.exit(2);
        }
        char[] password = readPassword();
        if (password.length < 12) {
            System.err.println("The password must have at least 12 characters.");
            System.exit(2);
        }
        String url = required("OPENICR_DB_URL");
        try (Connection c =
                DriverManager.getConnection(url, required("OPENICR_DB_USER"), required("OPENICR_DB_PASSWORD"))) {
            DirectoryAccounts accounts = new DirectoryAccounts();
            accounts.organisation(c, args[2], args[3], "ICB", "VIEW_ONLY");
            long id = accounts.account(c, args[0], args[1], "PERSON", password);
            accounts.roleProfile(c, id, "R8015", args[2]);
        }
        System.out.println("Administrator " + args[0] + " can now sign in and manage the directory.");
    }

    private static char[] readPassword() throws Exception {
        Console console = System.console();
        if (console != null) {
            return console.readPassword("Password for the new administrator: ");
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set.");
        }
        return value;
    }
}
