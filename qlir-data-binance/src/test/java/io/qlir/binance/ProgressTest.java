package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Interval;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceVerdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Progress and summary arithmetic, checked by hand. */
class ProgressTest {

    static final FetchJob JOB = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1);
    static final SliceKey KEY = new SliceKey("BTCUSDT", Interval.M1, 1_502_942_400_000L, 1000);

    @Test
    void rateAndEtaComeFromTheWallTimeSoFar() {
        // 612 of 1044 slices, 612,000 rows in 7.2 s: 85,000 rows/s; 432 slices left at 7.2/612 s each = 5.08 s
        FetchProgress p = new FetchProgress(JOB, 612, 1044, 0, 612_000, Duration.ofMillis(7200), KEY,
                SliceVerdict.COMPLETE);
        assertThat(p.rowsPerSecond()).isEqualTo(85_000.0);
        assertThat(p.eta()).hasValueSatisfying(d -> assertThat(d.toMillis()).isEqualTo(5082));
        assertThat(p.fraction()).isEqualTo(612.0 / 1044);
        assertThat(p.describe()).isEqualTo("BTCUSDT 1m klines  [########------]  612/1044 slices  85k rows/s  ETA 0:05");
    }

    @Test
    void nothingDoneYetHasNoEtaAndNothingDueIsDone() {
        assertThat(new FetchProgress(JOB, 0, 10, 0, 0, Duration.ZERO, KEY, SliceVerdict.MISSING).eta()).isEmpty();
        FetchProgress none = new FetchProgress(JOB, 0, 0, 0, 0, Duration.ZERO, KEY, SliceVerdict.MISSING);
        assertThat(none.fraction()).isEqualTo(1.0);
        assertThat(none.rowsPerSecond()).isZero();
        assertThat(FetchProgress.clock(Duration.ofSeconds(3 * 3600 + 25 * 60 + 7))).isEqualTo("3:25:07");
    }

    @Test
    void lookalikeSymbolsAreWithinTwoEdits() {
        assertThat(FetchEngine.distance("BTCUSDT", "BTCUSTD")).isEqualTo(2);
        assertThat(FetchEngine.distance("BTCUSDT", "BTCUSDC")).isEqualTo(1);
        assertThat(FetchEngine.distance("ETHBTC", "BTCUSDT")).isGreaterThan(2);
    }
}
