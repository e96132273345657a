package io.qlir.binance;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/** What the builders of this package share: the one duration check and the default source of jitter. */
final class BuilderChecks {

    private BuilderChecks() {
    }

    /** The duration, when positive; otherwise an error naming the option. */
    static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    /** A generator that draws from the calling thread's {@link ThreadLocalRandom}. */
    static RandomGenerator threadLocalRandom() {
        return new ThreadLocalRandomGenerator();
    }

    private static final class ThreadLocalRandomGenerator implements RandomGenerator {
        @Override
        public long nextLong() {
            return ThreadLocalRandom.current().nextLong();
        }

        @Override
        public double nextDouble() {
            return ThreadLocalRandom.current().nextDouble();
        }
    }
}
