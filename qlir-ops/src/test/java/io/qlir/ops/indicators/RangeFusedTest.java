package io.qlir.ops.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.semantics.Alignment;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The fused range kernels (blocks of thousands of rows, segment sums, compensated sums past 1,024 rows) against a
 * reference written here with plain loops and exact {@link BigDecimal} window sums, on 21,000 bars: several blocks,
 * NaN and infinite prices, zero and negative opens, dojis, runs of flat bars (zero baselines), and windows of 1 row
 * up to longer than a block (4,096 rows).
 */
class RangeFusedTest {

    private static final int N = 21_000;
    private static final int[] SHORT = {1, 2, 3, 14, 333};
    private static final int[] LONG = {7, 1500, 5000};

    private static final double[][] BARS = bars(N, 20_240_101L);
    private static final Table T = table(BARS);
    private static final double[] RANGE = rangePct(BARS);
    private static final Prefixes EXACT = new Prefixes();

    @Test
    void rangeShockMatchesTheReferenceInBothAlignments() {
        for (int[] ws : new int[][] {SHORT, LONG}) {
            Derived safe = Indicators.rangeShock(T, ws);
            Derived hist = Indicators.rangeShock(T, Alignment.HISTORICAL, ws);
            for (int w : ws) {
                assertMatches("range_shock_" + w, col(safe, Columns.name("range_shock", w)), rangeShock(w, 1));
                assertMatches("range_shock_hist_" + w, col(hist, Columns.name("range_shock", "hist", w)),
                        rangeShock(w, 0));
            }
        }
    }

    @Test
    void arpDMatchesTheReference() {
        for (int[] ws : new int[][] {SHORT, LONG}) {
            Derived d = Indicators.arpD(T, ws);
            for (int w : ws) {
                double[][] expected = arpD(w);
                assertMatches("arp_pos_" + w, col(d, Columns.name("arp", "pos", w)), expected[0]);
                assertMatches("arp_neg_" + w, col(d, Columns.name("arp", "neg", w)), expected[1]);
                assertMatches("arp_pos_frac_" + w, col(d, Columns.name("arp", "pos", "frac", w)), expected[2]);
                assertMatches("arp_neg_frac_" + w, col(d, Columns.name("arp", "neg", "frac", w)), expected[3]);
            }
        }
    }

    @Test
    void theSeriesHasEveryKindOfBarTheReferenceDistinguishes() {
        int nanRange = 0;
        int zeroBaselines = 0;
        int dojis = 0;
        int badSides = 0;
        for (int i = 0; i < N; i++) {
            double[] b = BARS[i];
            nanRange += Double.isNaN(RANGE[i]) ? 1 : 0;
            dojis += b[3] == b[0] ? 1 : 0;
            badSides += Double.isFinite(b[0]) && Double.isFinite(b[3]) ? 0 : 1;
        }
        for (double v : rangeShock(14, 1)) {
            zeroBaselines += Double.isNaN(v) ? 1 : 0;
        }
        assertThat(nanRange).isGreaterThan(50);
        assertThat(dojis).isGreaterThan(500);
        assertThat(badSides).isGreaterThan(10);
        assertThat(zeroBaselines).isGreaterThan(nanRange + 14);
    }

    // ---- the reference: plain loops, exact sums ----

    private static double[] rangePct(double[][] bars) {
        double[] rp = new double[bars.length];
        for (int i = 0; i < bars.length; i++) {
            double o = bars[i][0];
            double r = (bars[i][1] - bars[i][2]) / o;
            rp[i] = o > 0 && Double.isFinite(o) && Double.isFinite(r) ? r : Double.NaN;
        }
        return rp;
    }

    /** {@code rp[i] / mean(rp[i-shift-w+1 .. i-shift])}, NaN when undefined. */
    private static double[] rangeShock(int w, int shift) {
        double[] out = new double[N];
        for (int i = 0; i < N; i++) {
            int from = i - shift - w + 1;
            BigDecimal sum = from < 0 ? null : EXACT.sum(EXACT.all, EXACT.nanAll, from, i - shift);
            double v = sum == null ? Double.NaN : RANGE[i] / (sum.doubleValue() / w);
            out[i] = Double.isFinite(v) ? v : Double.NaN;
        }
        return out;
    }

    /** Means pos, neg, fractions pos, neg, from exact counts and sums over each window. */
    private static double[][] arpD(int w) {
        double[][] out = new double[4][N];
        for (int i = 0; i < N; i++) {
            int from = i - w + 1;
            boolean bad = from < 0 || EXACT.count(EXACT.bad, from, i) > 0;
            int ups = bad ? 0 : EXACT.count(EXACT.ups, from, i);
            int downs = bad ? 0 : EXACT.count(EXACT.downs, from, i);
            BigDecimal pos = bad ? null : EXACT.sum(EXACT.pos, EXACT.nanPos, from, i);
            BigDecimal neg = bad ? null : EXACT.sum(EXACT.neg, EXACT.nanNeg, from, i);
            out[0][i] = ups == 0 || pos == null ? Double.NaN : pos.doubleValue() / ups;
            out[1][i] = downs == 0 || neg == null ? Double.NaN : neg.doubleValue() / downs;
            out[2][i] = bad ? Double.NaN : ups / (double) w;
            out[3][i] = bad ? Double.NaN : downs / (double) w;
        }
        return out;
    }

    /**
     * Exact prefix sums (BigDecimal adds without rounding, so a difference of two is the window's exact sum) of
     * range_pct over all bars, the bullish and the bearish ones; prefix counts of NaN ranges among those, of bars
     * without a finite open or close, and of bullish and bearish bars.
     */
    private static final class Prefixes {
        final BigDecimal[] all = new BigDecimal[N + 1];
        final BigDecimal[] pos = new BigDecimal[N + 1];
        final BigDecimal[] neg = new BigDecimal[N + 1];
        final int[] nanAll = new int[N + 1];
        final int[] nanPos = new int[N + 1];
        final int[] nanNeg = new int[N + 1];
        final int[] bad = new int[N + 1];
        final int[] ups = new int[N + 1];
        final int[] downs = new int[N + 1];

        Prefixes() {
            all[0] = BigDecimal.ZERO;
            pos[0] = BigDecimal.ZERO;
            neg[0] = BigDecimal.ZERO;
            for (int i = 0; i < N; i++) {
                double o = BARS[i][0];
                double c = BARS[i][3];
                boolean nan = Double.isNaN(RANGE[i]);
                BigDecimal r = nan ? BigDecimal.ZERO : new BigDecimal(RANGE[i]);
                boolean up = c > o;
                boolean down = c < o;
                all[i + 1] = all[i].add(r);
                pos[i + 1] = up ? pos[i].add(r) : pos[i];
                neg[i + 1] = down ? neg[i].add(r) : neg[i];
                nanAll[i + 1] = nanAll[i] + (nan ? 1 : 0);
                nanPos[i + 1] = nanPos[i] + (nan && up ? 1 : 0);
                nanNeg[i + 1] = nanNeg[i] + (nan && down ? 1 : 0);
                bad[i + 1] = bad[i] + (Double.isFinite(o) && Double.isFinite(c) ? 0 : 1);
                ups[i + 1] = ups[i] + (up ? 1 : 0);
                downs[i + 1] = downs[i] + (down ? 1 : 0);
            }
        }

        /** The exact sum over rows {@code [from, to]}, or null when one of its counted ranges is NaN. */
        BigDecimal sum(BigDecimal[] prefix, int[] nans, int from, int to) {
            return nans[to + 1] != nans[from] ? null : prefix[to + 1].subtract(prefix[from]);
        }

        int count(int[] prefix, int from, int to) {
            return prefix[to + 1] - prefix[from];
        }
    }

    private static void assertMatches(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what).hasSize(expected.length);
        // a column of NaN would compare nothing
        assertThat(Arrays.stream(expected).filter(Double::isFinite).count()).as(what).isGreaterThan(N / 8);
        for (int i = 0; i < expected.length; i++) {
            double a = actual[i];
            double e = expected[i];
            boolean same = Double.isNaN(e) ? Double.isNaN(a) : Math.abs(a - e) <= 1e-12 * Math.abs(e);
            if (!same) {
                fail(what + ": row " + i + " is " + a + ", expected " + e);
            }
        }
    }

    // ---- the series ----

    /**
     * A random walk of bars {open, high, low, close}: about 5 % dojis, runs of 20 flat bars (zero range), a run of
     * 50 bars with ranges ten million times larger, and in
     * three zones single bars with a NaN or infinite price, a zero, negative, -0.0 or denormal open, a NaN or
     * infinite close, or a high below the low.
     */
    private static double[][] bars(int n, long seed) {
        Random rnd = new Random(seed);
        double[][] bars = new double[n][];
        double close = 30_000;
        for (int i = 0; i < n; i++) {
            double open = close;
            close = rnd.nextInt(20) == 0 ? open : open + (rnd.nextInt(2001) - 1000) / 100.0;
            double high = Math.max(open, close) + rnd.nextInt(500) / 100.0;
            double low = Math.min(open, close) - rnd.nextInt(500) / 100.0;
            bars[i] = new double[] {open, high, low, close};
        }
        for (int i = 3_000; i < n; i += 4_000) {
            for (int j = i; j < i + 20; j++) {
                bars[j] = new double[] {100, 100, 100, 100};
            }
        }
        double[][] odd = {{Double.NaN, 2, 1, 1}, {0, 1, 0, 0.5}, {-5, 2, 1, 1}, {10, Double.NaN, 9, 9.5},
            {10, Double.POSITIVE_INFINITY, 9, 10.5}, {10, 11, 9, Double.NaN}, {Double.POSITIVE_INFINITY, 2, 1, 1},
            {10, 11, 9, Double.NEGATIVE_INFINITY}, {Double.MIN_VALUE, 2, 1, 1}, {-0.0, 1, 0, 0.0},
            {10, 9, 11, 10.5}};
        // ranges of 1,000 among ranges of 1e-4: a running sum would carry their rounding into the small windows after
        for (int j = 5_000; j < 5_050; j++) {
            bars[j] = new double[] {0.01, 10, 0.001, 0.01 + j % 3 * 0.001};
        }
        // in three zones only, so that windows of 5,000 clean rows exist between them
        for (int zone : new int[] {0, 9_000, 17_000}) {
            for (int k = 0; k < 64; k++) {
                bars[zone + rnd.nextInt(1_000)] = odd[k % odd.length].clone();
            }
        }
        return bars;
    }

    private static Table table(double[][] bars) {
        return Bars.of(bars);
    }

    private static double[] col(Derived d, String name) {
        return Columns.doubles(d.table(), name);
    }
}
