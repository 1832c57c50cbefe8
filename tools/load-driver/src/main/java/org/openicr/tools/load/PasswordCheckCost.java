package org.openicr.tools.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * What one HTTP Basic password check costs on this machine: the server verifies the source's
 * password with PBKDF2 (HMAC-SHA256, 210,000 iterations, the parameters of the directory's
 * Authentication boundary) on every SOAP call. Its CPU time per check sets a ceiling on messages
 * per second that no other tuning can lift: cores / cost.
 */
public final class PasswordCheckCost {

    static final int ITERATIONS = 210_000;

    private PasswordCheckCost() {}

    /** CPU milliseconds of one check on the calling thread, averaged over {@code checks}. */
    public static double cpuMillisPerCheck(int checks) throws GeneralSecurityException {
        SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        byte[] salt = new byte[32];
        char[] password = "not-a-real-password".toCharArray();
        for (int i = 0; i < 3; i++) {
            pbkdf2.generateSecret(new PBEKeySpec(password, salt, ITERATIONS, 256));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < checks; i++) {
            pbkdf2.generateSecret(new PBEKeySpec(password, salt, ITERATIONS, 256));
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e6 / checks;
    }
}
