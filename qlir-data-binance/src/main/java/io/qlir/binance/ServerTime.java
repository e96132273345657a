package io.qlir.binance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Binance's clock against ours, measured by {@code /api/v3/time}.
 *
 * <p>The skew is the server time minus the local time halfway through the round trip; positive when our clock is
 * behind. It matters because "is this candle closed yet" is decided by our clock: a clock a few seconds behind
 * stores candles as closed that Binance still considered forming.
 *
 * @param server the server's time
 * @param local our clock's time halfway through the round trip
 * @param roundTrip how long the request took
 * @param tolerance the largest skew that is fine
 */
public record ServerTime(Instant server, Instant local, Duration roundTrip, Duration tolerance) {

    /**
     * Server time minus local time.
     *
     * @return positive when the local clock is behind
     */
    public Duration skew() {
        return Duration.between(local, server);
    }

    /**
     * Whether the skew exceeds the tolerance, either way.
     *
     * @return true when the local clock is off by more than the tolerance
     */
    public boolean isSkewed() {
        return skew().abs().compareTo(tolerance) > 0;
    }

    /**
     * The warning the client logs when the clock is skewed.
     *
     * @return the warning, or empty when the skew is within the tolerance
     */
    public Optional<String> warning() {
        if (!isSkewed()) {
            return Optional.empty();
        }
        Duration s = skew();
        return Optional.of("local clock is " + (s.isNegative() ? "ahead of" : "behind") + " Binance by "
                + s.abs().toMillis() + " ms (tolerance " + tolerance.toMillis() + " ms, round trip "
                + roundTrip.toMillis() + " ms): candles may be judged closed or forming wrongly; sync the clock (NTP)");
    }
}
