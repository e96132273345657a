package io.qlir.data.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void ceilingDoublesFromTheInitialDelayUntilTheCap() {
        RetryPolicy p = RetryPolicy.builder().initialDelay(Duration.ofMillis(100)).maxDelay(Duration.ofSeconds(1))
                .multiplier(2).jitter(0).build();
        // hand-computed: 100, 200, 400, 800, then capped at 1000
        assertThat(p.ceilingBeforeRetry(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.ceilingBeforeRetry(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.ceilingBeforeRetry(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(p.ceilingBeforeRetry(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(p.ceilingBeforeRetry(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.ceilingBeforeRetry(500)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delayBeforeRetry(3, new SplittableRandom(1))).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void jitterUsesTheGivenRandomSource() {
        RetryPolicy p = RetryPolicy.builder().initialDelay(Duration.ofSeconds(1)).jitter(0.5).build();
        RandomGenerator fixed = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return 0.25;
            }
        };
        // 1 s * (1 - 0.5 * 0.25) = 875 ms
        assertThat(p.delayBeforeRetry(1, fixed)).isEqualTo(Duration.ofMillis(875));
        // same seed, same delays
        assertThat(p.delayBeforeRetry(2, new SplittableRandom(7)))
                .isEqualTo(p.delayBeforeRetry(2, new SplittableRandom(7)));
    }

    @Property(tries = 200)
    void delayStaysWithinTheJitterBand(@ForAll @IntRange(min = 1, max = 40) int retry,
            @ForAll @DoubleRange(min = 0, max = 1) double jitter, @ForAll long seed) {
        RetryPolicy p = RetryPolicy.builder().jitter(jitter).build();
        Duration ceiling = p.ceilingBeforeRetry(retry);
        Duration d = p.delayBeforeRetry(retry, new SplittableRandom(seed));
        assertThat(d).isLessThanOrEqualTo(ceiling);
        assertThat(d.toNanos()).isGreaterThanOrEqualTo((long) (ceiling.toNanos() * (1 - jitter)) - 1);
        assertThat(ceiling).isLessThanOrEqualTo(p.maxDelay());
    }

    @Test
    void attemptsCountTheFirstCall() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(3).build();
        assertThat(p.allowsRetryAfter(1)).isTrue();
        assertThat(p.allowsRetryAfter(2)).isTrue();
        assertThat(p.allowsRetryAfter(3)).isFalse();
        assertThat(RetryPolicy.noRetries().allowsRetryAfter(1)).isFalse();
    }

    @Test
    void isAnImmutableValue() {
        RetryPolicy a = RetryPolicy.builder().maxAttempts(4).build();
        assertThat(a.toBuilder().build()).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.toBuilder().maxAttempts(5).build()).isNotEqualTo(a);
        assertThat(a).isEqualTo(RetryPolicy.defaults().toBuilder().maxAttempts(4).build());
        assertThat(a.toString()).contains("maxAttempts=4");
    }

    @Test
    void badOptionsNameTheOptionAndTheValidRange() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts must be >= 1");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).hasMessageContaining("jitter must be in [0, 1]");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(-1)))
                .hasMessageContaining("initialDelay must not be negative");
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofMinutes(2)).build())
                .hasMessageContaining("exceeds maxDelay");
        assertThatThrownBy(() -> RetryPolicy.defaults().ceilingBeforeRetry(0)).hasMessageContaining(">= 1");
    }

    @Test
    void systemSleeperSleepsAndIgnoresNonPositiveDurations() throws InterruptedException {
        long t0 = System.nanoTime();
        Sleeper.system().sleep(Duration.ZERO);
        Sleeper.system().sleep(Duration.ofMillis(-5));
        Sleeper.system().sleep(Duration.ofMillis(20));
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(Duration.ofMillis(19).toNanos());
    }
}
