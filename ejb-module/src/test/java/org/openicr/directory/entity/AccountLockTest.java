package org.openicr.directory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 16, item 7: a lock ends by itself after {@link UserAccount#LOCK_DURATION}. */
class AccountLockTest {

    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");

    private static UserAccount lockedAt(Instant when) {
        UserAccount account = new UserAccount("nurse.a", "Nurse A", AccountKind.PERSON, "hash");
        boolean locked = false;
        for (int i = 0; i < UserAccount.MAX_FAILED_LOGINS; i++) {
            locked = account.recordFailedLogin(when);
        }
        assertTrue(locked, "the fifth failure locks");
        return account;
    }

    @ParameterizedTest(name = "{0} minutes after the lock: may sign in {1}")
    @CsvSource({"0, false", "1, false", "14, false", "15, true", "60, true"})
    void theLockEndsByItselfAfterFifteenMinutes(long minutes, boolean maySignIn) {
        UserAccount account = lockedAt(T0);
        Instant now = T0.plus(Duration.ofMinutes(minutes));
        assertEquals(maySignIn, account.maySignIn(now));
        assertEquals(!maySignIn, account.isLocked(now));
    }

    @Test
    void afterAnExpiredLockTheCountStartsAgain() {
        UserAccount account = lockedAt(T0);
        Instant later = T0.plus(UserAccount.LOCK_DURATION);
        assertFalse(account.recordFailedLogin(later), "one failure after the lock ended does not lock again");
        assertEquals(1, account.getFailedLogins());
        assertTrue(account.maySignIn(later));
        for (int i = 0; i < UserAccount.MAX_FAILED_LOGINS - 2; i++) {
            account.recordFailedLogin(later);
        }
        assertTrue(account.recordFailedLogin(later), "five in a row lock it again");
        assertFalse(account.maySignIn(later));
    }

    @Test
    void aSuccessfulSignInAfterTheLockEndedClearsIt() {
        UserAccount account = lockedAt(T0);
        account.recordSuccessfulLogin(T0.plus(UserAccount.LOCK_DURATION));
        assertEquals(0, account.getFailedLogins());
        assertEquals(null, account.getLockedAt());
    }
}
