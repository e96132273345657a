package io.qlir.data.retry;

import java.time.Duration;

/** {@link Sleeper#system()}: blocks the calling thread. */
enum SystemSleeper implements Sleeper {
    INSTANCE;

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (duration.isNegative() || duration.isZero()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted before sleeping");
            }
            return;
        }
        if (duration.getSeconds() > 86_400L * 365) { // nanos would overflow long in ~292 years; millis will not
            Thread.sleep(duration.toMillis());
            return;
        }
        long nanos = duration.toNanos();
        Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    }

    @Override
    public String toString() {
        return "Sleeper.system()";
    }
}
