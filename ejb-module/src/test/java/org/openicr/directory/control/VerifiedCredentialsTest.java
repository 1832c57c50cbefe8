package org.openicr.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private static final Set<String> SOURCE = Set.of("SOURCE_SYSTEM");

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private final VerifiedCredentials credentials = new VerifiedCredentials(now::get);

    private VerifiedCredentials.Verdict verdict(String username, String password) {
        return credentials.verdict(username, password.toCharArray());
    }

    private void after(Duration elapsed) {
        now.addAndGet(elapsed.toNanos());
    }

    @Test
    void aRememberedCredentialGivesItsGroupsWithoutACheck() {
        credentials.remember("sys.a", "secret".toCharArray(), SOURCE);
        VerifiedCredentials.Verdict verdict = verdict("sys.a", "secret");
        assertEquals(SOURCE, verdict.groups());
        assertFalse(verdict.checkHash());
    }

    @Test
    void anUnknownAccountMustBeChecked() {
        VerifiedCredentials.Verdict verdict = verdict("sys.a", "secret");
        assertNull(verdict.groups());
        assertTrue(verdict.checkHash());
        assertFalse(verdict.remembered());
        assertTrue(credentials.verdict(null, "secret".toCharArray()).checkHash());
    }

    @Test
    void anotherPasswordIsNotRecognised() {
        credentials.remember("sys.a", "secret".toCharArray(), SOURCE);
        assertFalse(verdict("sys.a", "secret2").remembered());
        assertFalse(verdict("sys.a", "").remembered());
    }

    @Test
    void anotherAccountWithTheSamePasswordIsNotRecognised() {
        credentials.remember("sys.a", "secret".toCharArray(), SOURCE);
        assertFalse(verdict("sys.b", "secret").remembered());
    }

    @Test
    void aForgottenAccountMustBeCheckedAgain() {
        credentials.remember("sys.a", "secret".toCharArray(), SOURCE);
        credentials.forget("sys.a");
        assertTrue(verdict("sys.a", "secret").checkHash());
        assertFalse(verdict("sys.a", "secret").remembered());
    }

    @Test
    void anExpiredCredentialMustBeChecked() {
        credentials.remember("sys.a", "secret".toCharArray(), SOURCE);
        after(VerifiedCredentials.TIME_TO_LIVE);
        assertFalse(verdict("sys.a", "secret").remembered());
        assertTrue(verdict("sys.a", "secret").checkHash());
    }

    @Test
    void nearItsExpiryOneCallerChecksAgainAndTheOthersGoOn() {
        credentials.remember("sys.a", "secret".toCharArray(), SOURCE);
        after(VerifiedCredentials.CHECK_AGAIN_AFTER.minusSeconds(1));
        assertFalse(verdict("sys.a", "secret").checkHash());
        after(Duration.ofSeconds(1));

        VerifiedCredentials.Verdict first = verdict("sys.a", "secret");
        assertEquals(SOURCE, first.groups());
        assertTrue(first.checkHash());
        for (int i = 0; i < 5; i++) {
            VerifiedCredentials.Verdict other = verdict("sys.a", "secret");
            assertEquals(SOURCE, other.groups());
            assertFalse(other.checkHash());
        }
    }

    @Test
    void aCredentialCheckedAgainIsFreshForAnotherTimeToLive() {
        credentials.remember("sys.a", "secret".toCharArray(), SOURCE);
        after(VerifiedCredentials.CHECK_AGAIN_AFTER);
        assertTrue(verdict("sys.a", "secret").checkHash());
        credentials.remember("sys.a", "secret".toCharArray(), SOURCE);
        after(VerifiedCredentials.TIME_TO_LIVE.minusSeconds(1));
        VerifiedCredentials.Verdict verdict = verdict("sys.a", "secret");
        assertTrue(verdict.remembered());
        assertTrue(verdict.checkHash(), "past the check-again age of the new entry, one caller checks again");
    }

    @Test
    void aWrongPasswordNearExpiryDoesNotTakeTheCheckFromTheRightOne() {
        credentials.remember("sys.a", "secret".toCharArray(), SOURCE);
        after(VerifiedCredentials.CHECK_AGAIN_AFTER);
        assertFalse(verdict("sys.a", "guess").remembered());
        assertTrue(verdict("sys.a", "secret").checkHash());
    }

    @Test
    void ofManyConcurrentCallersExactlyOneChecksAgain() throws Exception {
        credentials.remember("sys.a", "secret".toCharArray(), SOURCE);
        after(VerifiedCredentials.CHECK_AGAIN_AFTER.plusSeconds(5));
        int callers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<VerifiedCredentials.Verdict>> verdicts = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                verdicts.add(pool.submit(() -> {
                    start.await();
                    return verdict("sys.a", "secret");
                }));
            }
            start.countDown();
            int checks = 0;
            for (Future<VerifiedCredentials.Verdict> verdict : verdicts) {
                assertEquals(SOURCE, verdict.get().groups());
                checks += verdict.get().checkHash() ? 1 : 0;
            }
            assertEquals(1, checks);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callersOfOneAccountShareTheLockForItsCheck() {
        assertSame(credentials.checking("sys.a"), credentials.checking("sys.a"));
        assertSame(credentials.checking(null), credentials.checking(null));
    }
}
