package io.qlir.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The fake's weight limit, modelled on Binance's: weight counted per fixed window of the rate-limit clock; a request
 * that does not fit gets 429 with the seconds to the window's end; a client that keeps sending during that wait
 * gets 429 again, and after too many such violations, 418 and a ban.
 */
final class FakeRateLimit {

    /** The verdict on one request. */
    record Verdict(int status, int usedWeight, long retryAfterSeconds) {
        boolean admitted() {
            return status == 200;
        }
    }

    private final int capacity;
    private final long windowMs;
    private final long banMs;
    private final int toleratedViolations;

    private long window = Long.MIN_VALUE;
    private int used;
    private int rejected;
    private long retryAfterUntil = Long.MIN_VALUE;
    private long bannedUntil = Long.MIN_VALUE;
    private int violations;
    private final List<RateWindow> history = new ArrayList<>();
    private int total429;
    private int total418;

    FakeRateLimit(int capacity, long windowMs, long banMs, int toleratedViolations) {
        this.capacity = capacity;
        this.windowMs = windowMs;
        this.banMs = banMs;
        this.toleratedViolations = toleratedViolations;
    }

    synchronized Verdict admit(int weight, long now) {
        roll(now);
        if (now < bannedUntil) {
            return ban(now);
        }
        if (now >= retryAfterUntil) {
            violations = 0;
        }
        if (now < retryAfterUntil) {
            violations++;
            if (violations > toleratedViolations) {
                bannedUntil = now + banMs;
                return ban(now);
            }
            return tooMany(now);
        }
        if (used + weight > capacity) {
            retryAfterUntil = (window + 1) * windowMs;
            return tooMany(now);
        }
        used += weight;
        return new Verdict(200, used, 0);
    }

    /** A scripted 429: as if the limit were hit, with the given wait. */
    synchronized Verdict force429(long now, long waitMs) {
        roll(now);
        retryAfterUntil = now + waitMs;
        return tooMany(now);
    }

    /** A scripted 418: the IP is banned for the given time. */
    synchronized Verdict force418(long now, long banForMs) {
        roll(now);
        bannedUntil = now + banForMs;
        return ban(now);
    }

    private Verdict tooMany(long now) {
        rejected++;
        total429++;
        return new Verdict(429, used, seconds(retryAfterUntil - now));
    }

    private Verdict ban(long now) {
        rejected++;
        total418++;
        return new Verdict(418, used, seconds(bannedUntil - now));
    }

    private static long seconds(long ms) {
        return Math.max(1, (ms + 999) / 1000);
    }

    private void roll(long now) {
        long w = Math.floorDiv(now, windowMs);
        if (w != window) {
            if (window != Long.MIN_VALUE) {
                history.add(new RateWindow(window * windowMs, used, rejected));
            }
            window = w;
            used = 0;
            rejected = 0;
        }
    }

    synchronized int usedNow(long now) {
        roll(now);
        return used;
    }

    synchronized List<RateWindow> windows(long now) {
        roll(now);
        List<RateWindow> all = new ArrayList<>(history);
        all.add(new RateWindow(window * windowMs, used, rejected));
        return all;
    }

    synchronized int total429() {
        return total429;
    }

    synchronized int total418() {
        return total418;
    }

    int capacity() {
        return capacity;
    }

    long windowMs() {
        return windowMs;
    }
}
