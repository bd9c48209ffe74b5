package io.configspec.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AuthThrottle throttle = new AuthThrottle(3, 2.0, 2_000_000_000L, now::get);

    @Test
    void theFirstWrongTokensOfAnAddressAreNotDelayed() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, throttle.waitNanos("10.0.0.1"));
            throttle.failed("10.0.0.1");
        }
        assertTrue(throttle.waitNanos("10.0.0.1") > 0);
    }

    @Test
    void afterTheBurstEachWrongTokenWaitsForTheRefill() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("a");
        }
        assertEquals(500_000_000.0, throttle.waitNanos("a"), 1_000.0);

        now.addAndGet(500_000_000L);

        assertEquals(0, throttle.waitNanos("a"));
    }

    @Test
    void parallelFailuresBeyondTheMaximumWaitAreRefusedWithoutChecking() {
        for (int i = 0; i < 3 + 4; i++) {
            throttle.failed("a"); // 4 below zero: 2.5 s to refill one, more than the 2 s allowed
        }
        assertEquals(-1, throttle.waitNanos("a"));
    }

    @Test
    void otherAddressesAreNotSlowedDown() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("attacker");
        }
        assertEquals(0, throttle.waitNanos("user"));
    }

    @Test
    void theTableOfAddressesStaysBounded() {
        for (int i = 0; i < AuthThrottle.MAX_ADDRESSES * 3; i++) {
            throttle.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        assertTrue(throttle.addresses() <= AuthThrottle.MAX_ADDRESSES, "" + throttle.addresses());
    }
}
