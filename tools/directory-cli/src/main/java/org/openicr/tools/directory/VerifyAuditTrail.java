package org.openicr.tools.directory;

import org.openicr.audit.control.AuditChainStore;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Checks the audit trail's hash chain from the command line, with the database coordinates of
 * OPENICR_DB_URL / OPENICR_DB_USER / OPENICR_DB_PASSWORD. Exits 0 when the chain is intact, 1 when
 * a sealed event was changed, removed or reordered (it names the first).
 *
 * <p>{@code java -cp tools/directory-cli/target/directory-cli.jar org.openicr.tools.directory.VerifyAuditTrail}
 */
public final class VerifyAuditTrail {

    private VerifyAuditTrail() {}

    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(required("OPENICR_DB_URL"));
        dataSource.setUser(required("OPENICR_DB_USER"));
        dataSource.setPassword(required("OPENICR_DB_PASSWORD"));
        AuditChainStore.Verification result = new AuditChainStore(dataSource).verify();
        if (result.intact()) {
            System.out.println("Audit trail intact: " + result.sealsChecked() + " sealed events checked, "
                    + result.unsealedOlderThanAMinute() + " older than a minute not sealed yet.");
            System.exit(0);
        }
        System.out.println("Audit trail BROKEN at event " + result.firstBrokenEventId() + " (after "
                + result.sealsChecked() + " intact seals): it was changed, removed or reordered.");
        System.exit(1);
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set.");
        }
        return value;
    }
}
