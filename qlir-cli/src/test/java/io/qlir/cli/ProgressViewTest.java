package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressViewTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theBarLineReadsLikeTheDesign() {
        // 612 of 1044 slices after 58 s: 432 to go at 58/612 s each = 40.9 s; 4,872,000 rows / 58 s = 84k rows/s
        String line = ProgressView.line("BTCUSDT 1m klines", 612, 1044, 4_872_000, 58 * SECOND, true);
        assertThat(line).isEqualTo("BTCUSDT 1m klines  [##############----------]  612/1044 slices  84k rows/s  ETA 0:40");
    }

    @Test
    void plainLinesHaveNoBar() {
        assertThat(ProgressView.line("ETHUSDT 1h klines", 10, 10, 9_500, 10 * SECOND, false))
                .isEqualTo("ETHUSDT 1h klines: 10/10 slices, 950 rows/s, done in 0:10");
        assertThat(ProgressView.line("X", 0, 0, 0, 0, false)).isEqualTo("X: 0/0 slices, - rows/s, ETA -");
    }

    @Test
    void countsAndClocks() {
        assertThat(ProgressView.count(1_234)).isEqualTo("1.2k");
        assertThat(ProgressView.count(2_500_000)).isEqualTo("2.5M");
        assertThat(ProgressView.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
        assertThat(ProgressView.bar(1, 3, 6)).isEqualTo("[##----]");
        assertThat(ProgressView.bar(5, 3, 6)).isEqualTo("[######]");
    }

    @Test
    void aTerminalRedrawsInPlaceAndThrottles() {
        StringWriter out = new StringWriter();
        AtomicLong now = new AtomicLong();
        ProgressView view = new ProgressView(new PrintWriter(out), true, "S", now::get);
        view.update(1, 4, 10, Duration.ofNanos(now.get()));
        now.addAndGet(SECOND / 100);
        view.update(2, 4, 20, Duration.ofNanos(now.get()));                      // too soon: skipped
        now.addAndGet(SECOND);
        view.update(4, 4, 40, Duration.ofNanos(now.get()));                      // done: always drawn
        view.finish();
        String text = out.toString();
        assertThat(text.chars().filter(c -> c == '\r').count()).isEqualTo(2);
        assertThat(text).doesNotContain("2/4").contains("1/4", "4/4").endsWith("\n");
    }

    @Test
    void plainModePrintsAtMostEveryFiveSeconds() {
        StringWriter out = new StringWriter();
        AtomicLong now = new AtomicLong();
        ProgressView view = new ProgressView(new PrintWriter(out), false, "S", now::get);
        for (int i = 1; i <= 20; i++) {
            now.addAndGet(SECOND);
            view.update(i, 20, i * 100L, Duration.ofNanos(now.get()));
        }
        view.finish();
        assertThat(out.toString().lines()).extracting(l -> l.substring(0, l.indexOf(" slices")))
                .containsExactly("S: 1/20", "S: 6/20", "S: 11/20", "S: 16/20", "S: 20/20");
    }
}
