package io.qlir.data.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The part every test clock shares: UTC, and a zone change that changes nothing. Subclasses say what time it is. */
public abstract class UtcTestClock extends Clock {

    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
