package org.openicr.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignInThrottleTest {

    private static final SignInThrottle.Policy POLICY = new SignInThrottle.Policy(
            5, 20, 5, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(24), 1_000);

    private final AtomicLong now = new AtomicLong(7_000_000_000L);
    private final SignInThrottle throttle = new SignInThrottle(POLICY, now::get);

    private void after(Duration elapsed) {
        now.addAndGet(elapsed.toNanos());
    }

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }

    private long waitSeconds(String account, String address) {
        return throttle.before(account, address).retryAfterSeconds();
    }

    @ParameterizedTest(name = "{0} failures with {1} free: delay {2} s")
    @CsvSource({
        "0,  5,   0",
        "1,  5,   0",
        "5,  5,   0",
        "6,  5,   5",
        "7,  5,  10",
        "8,  5,  20",
        "9,  5,  40",
        "11, 5, 160",
        "13, 5, 640",
        "14, 5, 900",
        "60, 5, 900",
        "20, 20,  0",
        "21, 20,  5",
    })
    void theDelayDoublesAfterTheFreeFailuresUpToItsCeiling(int failures, int free, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), POLICY.delayAfter(failures, free));
    }

    @ParameterizedTest(name = "{0} wrong from a stranger: the next waits {1} s")
    @CsvSource({"1, 0", "4, 0", "5, 0", "6, 5", "7, 10", "8, 20"})
    void aStrangerIsDelayedAfterFiveFailures(int failures, long seconds) {
        fail("sys.gp", "203.0.113.9", failures);
        assertEquals(seconds, waitSeconds("sys.gp", "203.0.113.9"));
    }

    @Test
    void theDelayEndsByItself() {
        fail("sys.gp", "203.0.113.9", 6);
        assertFalse(throttle.before("sys.gp", "203.0.113.9").allowed());
        after(Duration.ofMillis(4_900));
        assertEquals(1, waitSeconds("sys.gp", "203.0.113.9"));
        after(Duration.ofMillis(100));
        assertTrue(throttle.before("sys.gp", "203.0.113.9").allowed());
    }

    @Test
    void aFloodFromStrangersDoesNotDelayTheAccountsKnownClient() {
        throttle.succeeded("sys.gp", "198.51.100.20");
        fail("sys.gp", "203.0.113.9", 30);
        fail("sys.gp", "203.0.113.10", 30);
        assertTrue(waitSeconds("sys.gp", "203.0.113.9") > 0);
        assertTrue(waitSeconds("sys.gp", "192.0.2.77") > 0, "another stranger waits: the account is delayed");
        assertTrue(throttle.before("sys.gp", "198.51.100.20").allowed(), "the known client goes on");
        assertTrue(throttle.isKnownClient("SYS.GP", "198.51.100.20"));
    }

    @Test
    void theKnownClientSigningInDoesNotResetTheStrangersDelay() {
        throttle.succeeded("sys.gp", "198.51.100.20");
        fail("sys.gp", "203.0.113.9", 6);
        throttle.succeeded("sys.gp", "198.51.100.20");
        assertEquals(5, waitSeconds("sys.gp", "192.0.2.50"));
        assertEquals(5, waitSeconds("sys.gp", "203.0.113.9"));
    }

    @Test
    void aKnownClientIsDelayedByItsOwnFailures() {
        throttle.succeeded("sys.gp", "198.51.100.20");
        fail("sys.gp", "198.51.100.20", 6);
        assertEquals(5, waitSeconds("sys.gp", "198.51.100.20"));
    }

    @Test
    void aClientIsKnownForADay() {
        throttle.succeeded("sys.gp", "198.51.100.20");
        after(Duration.ofMinutes(23 * 60 + 30));
        fail("sys.gp", "203.0.113.9", 10);
        assertTrue(throttle.before("sys.gp", "198.51.100.20").allowed());
        after(Duration.ofMinutes(30));
        assertFalse(throttle.isKnownClient("sys.gp", "198.51.100.20"));
        fail("sys.gp", "203.0.113.9", 1);
        assertFalse(
                throttle.before("sys.gp", "198.51.100.20").allowed(), "a stranger again: the account's delay applies");
    }

    @Test
    void oneAddressSprayingManyAccountsIsDelayedAfterItsOwnAllowance() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "203.0.113.9");
        }
        assertTrue(throttle.before("user99", "203.0.113.9").allowed());
        throttle.failed("user20", "203.0.113.9");
        assertEquals(5, waitSeconds("user99", "203.0.113.9"));
        assertTrue(throttle.before("user99", "198.51.100.20").allowed(), "other addresses are not delayed");
    }

    @Test
    void accountNamesAreComparedWithoutCase() {
        fail("Sys.GP", "203.0.113.9", 6);
        assertEquals(5, waitSeconds("sys.gp", "203.0.113.9"));
    }

    @Test
    void aQuietHourForgetsEverything() {
        fail("sys.gp", "203.0.113.9", 14);
        assertEquals(900, waitSeconds("sys.gp", "203.0.113.9"));
        after(Duration.ofHours(1));
        assertTrue(throttle.before("sys.gp", "203.0.113.9").allowed());
        fail("sys.gp", "203.0.113.9", 5);
        assertTrue(throttle.before("sys.gp", "203.0.113.9").allowed(), "five free failures again");
    }

    @Test
    void aSuccessEndsTheAccountsDelaysAndAnUnlockEndsThemForEveryAddress() {
        fail("nurse.a", "203.0.113.9", 6);
        throttle.succeeded("nurse.a", "203.0.113.9");
        assertTrue(throttle.before("nurse.a", "203.0.113.9").allowed());
        fail("nurse.a", "203.0.113.10", 6);
        fail("nurse.a", "203.0.113.11", 6);
        throttle.forgetAccount("nurse.a");
        assertTrue(throttle.before("nurse.a", "203.0.113.10").allowed());
        assertTrue(throttle.before("nurse.a", "203.0.113.11").allowed());
    }

    @Test
    void theStateStaysWithinItsBound() throws Exception {
        for (int i = 0; i < 5_000; i++) {
            throttle.failed("sprayed" + i, "203.0.113." + (i % 250));
        }
        for (String field : new String[] {"accounts", "addresses", "pairs"}) {
            var f = SignInThrottle.class.getDeclaredField(field);
            f.setAccessible(true);
            assertTrue(((Map<?, ?>) f.get(throttle)).size() <= POLICY.maxEntries(), field);
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "OPENICR_SIGNIN_FREE_FAILURES, 3",
        "OPENICR_SIGNIN_FREE_FAILURES_PER_ADDRESS, 500",
        "OPENICR_SIGNIN_FIRST_DELAY_SECONDS, 2",
        "OPENICR_SIGNIN_MAX_DELAY_SECONDS, 60",
    })
    void theEnvironmentSetsTheAllowancesAndDelays(String name, int value) {
        SignInThrottle.Policy policy = SignInThrottle.Policy.from(Map.of(name, Integer.toString(value))::get);
        int actual =
                switch (name) {
                    case "OPENICR_SIGNIN_FREE_FAILURES" -> policy.freePerAccount() + policy.freePerPair() - value;
                    case "OPENICR_SIGNIN_FREE_FAILURES_PER_ADDRESS" -> policy.freePerAddress();
                    case "OPENICR_SIGNIN_FIRST_DELAY_SECONDS" -> (int)
                            policy.firstDelay().toSeconds();
                    default -> (int) policy.maxDelay().toSeconds();
                };
        assertEquals(value, actual);
        assertEquals(SignInThrottle.Policy.DEFAULT, SignInThrottle.Policy.from(Map.<String, String>of()::get));
    }
}
