package io.qlir.ops.indicators;

import static io.qlir.ops.indicators.Recursions.finite;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.semantics.Alignment;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import io.qlir.semantics.Scope;
import java.util.Arrays;
import tech.tablesaw.api.Table;

/**
 * The range family: {@code range_pct}, ARP, the ARP-D primitives and range shock. All of them start from the bar's
 * range as a fraction of its open.
 */
final class RangeIndicators {

    static final String RANGE_PCT = "range_pct";

    /** A bar's side for ARP-D: neither (a doji), bullish ({@link #code} of POS), bearish, or no finite open/close. */
    private static final byte NEITHER = 0;
    private static final byte BAD = 3;

    /** Which bars a directional ARP primitive counts. */
    enum Direction {
        POS("pos", "ARP_POS"),
        NEG("neg", "ARP_NEG");

        final String word;
        final String op;

        Direction(String word, String op) {
            this.word = word;
            this.op = op;
        }
    }

    private RangeIndicators() {
    }

    /** {@code (high-low)/open}; NaN when open is not positive, an input is not finite, or the ratio overflows. */
    static double[] rangePct(Table table) {
        double[] open = Columns.doubles(table, Candles.OPEN);
        double[] high = Columns.doubles(table, Candles.HIGH);
        double[] low = Columns.doubles(table, Candles.LOW);
        double[] out = new double[open.length];
        // the division alone first, in a loop simple enough for C2 to vectorise; then NaN where it is undefined
        for (int i = 0; i < out.length; i++) {
            out[i] = (high[i] - low[i]) / open[i];
        }
        for (int i = 0; i < out.length; i++) {
            double o = open[i];
            // a non-finite high or low, or a denormal open that overflows the ratio, leaves the ratio non-finite
            if (!(o > 0 && o <= Double.MAX_VALUE) || !finite(out[i])) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    static Derived arp(Table table, boolean keepIntermediate, int... windows) {
        int[] ws = Params.windows("arp", "window", 1, windows);
        double[] rp = rangePct(table);
        double[][] means = RollingSums.means(rp, ws);
        Derived.Builder b = Derived.builder(table);
        b.add(Columns.doubleColumn(RANGE_PCT, rp), RowDerivationSpec.builder("RANGE_PCT")
                .inputs(Candles.OPEN, Candles.HIGH, Candles.LOW).reads(RowWindow.of(0, 0))
                .output(RANGE_PCT).scope(Scope.INTERMEDIATE).build());
        StringBuilder names = new StringBuilder();
        for (int k = 0; k < ws.length; k++) {
            String name = Columns.name("arp", ws[k]);
            names.append(k == 0 ? "" : ", ").append(name);
            b.add(Columns.doubleColumn(name, means[k]), RowDerivationSpec.builder("ARP")
                    .inputs(Candles.OPEN, Candles.HIGH, Candles.LOW).param("window", ws[k])
                    .reads(RowWindow.trailing(ws[k])).output(name).warmup(ws[k] - 1).build());
        }
        if (!keepIntermediate) {
            b.drop(RANGE_PCT, "ARP", "intermediate of " + names + "; keepIntermediate=false");
        }
        return b.build();
    }

    /** {@code arp_pos_w} / {@code arp_neg_w}: mean range_pct over the bullish (bearish) bars of the window. */
    static Derived directionalMean(Table table, Direction dir, int... windows) {
        int[] ws = Params.windows("arp_" + dir.word, "window", 1, windows);
        return directional(table, ws, dir == Direction.POS, dir == Direction.NEG, false, false);
    }

    /** {@code arp_pos_frac_w} / {@code arp_neg_frac_w}: the share of bullish (bearish) bars in the window. */
    static Derived directionalFraction(Table table, Direction dir, int... windows) {
        int[] ws = Params.windows("arp_" + dir.word + "_frac", "window", 1, windows);
        return directional(table, ws, false, false, dir == Direction.POS, dir == Direction.NEG);
    }

    static Derived arpD(Table table, int... windows) {
        int[] ws = Params.windows("arp_d", "window", 1, windows);
        return directional(table, ws, true, true, true, true);
    }

    private static byte code(Direction dir) {
        return dir == Direction.POS ? (byte) 1 : (byte) 2;
    }

    /**
     * The ARP-D columns asked for, in the bundle's order (means pos, means neg, fractions pos, fractions neg; each
     * for every window), from one classification of the bars: window counts are exact integer sliding counts, and
     * the range sums are {@link RollingSums}, so every column equals what its primitive computes alone.
     */
    private static Derived directional(Table table, int[] ws, boolean posMean, boolean negMean, boolean posFrac,
            boolean negFrac) {
        double[] open = Columns.doubles(table, Candles.OPEN);
        double[] close = Columns.doubles(table, Candles.CLOSE);
        byte[] side = new byte[open.length];
        for (int i = 0; i < side.length; i++) {
            double o = open[i];
            double c = close[i];
            side[i] = !finite(o) || !finite(c) ? BAD : c > o ? code(Direction.POS)
                    : c < o ? code(Direction.NEG) : NEITHER;
        }
        double[] rp = posMean || negMean ? rangePct(table) : null;
        double[][] posSums = posMean ? RollingSums.sums(values(side, rp, Direction.POS), ws) : null;
        double[][] negSums = negMean ? RollingSums.sums(values(side, rp, Direction.NEG), ws) : null;
        double[][] posShares = posFrac ? new double[ws.length][] : null;
        double[][] negShares = negFrac ? new double[ws.length][] : null;
        for (int k = 0; k < ws.length; k++) {
            finishWindow(side, ws[k], k, posSums, negSums, posShares, negShares);
        }
        Derived.Builder b = Derived.builder(table);
        addMeans(b, Direction.POS, posSums, ws);
        addMeans(b, Direction.NEG, negSums, ws);
        addFractions(b, Direction.POS, posShares, ws);
        addFractions(b, Direction.NEG, negShares, ws);
        return b.build();
    }

    /** The range of the bars of one side (0 for the others, NaN without a finite open or close). */
    private static double[] values(byte[] side, double[] rp, Direction dir) {
        byte code = code(dir);
        double[] value = new double[side.length];
        for (int i = 0; i < value.length; i++) {
            byte s = side[i];
            value[i] = s == BAD ? Double.NaN : s == code ? rp[i] : 0;
        }
        return value;
    }

    /**
     * One window's pass: exact sliding counts of bullish, bearish and bad bars turn the range sums into means (in
     * place) and give the fractions; NaN before the warm-up and where the window holds a bad bar.
     */
    private static void finishWindow(byte[] side, int w, int k, double[][] posSums, double[][] negSums,
            double[][] posShares, double[][] negShares) {
        int n = side.length;
        double[] pos = posSums == null ? null : posSums[k];
        double[] neg = negSums == null ? null : negSums[k];
        double[] posShare = posShares == null ? null : (posShares[k] = warmedUp(n, w));
        double[] negShare = negShares == null ? null : (negShares[k] = warmedUp(n, w));
        byte up = code(Direction.POS);
        byte down = code(Direction.NEG);
        double scale = 1.0 / w;
        int ups = 0;
        int downs = 0;
        int bad = 0;
        for (int i = 0; i < n; i++) {
            byte s = side[i];
            ups += s == up ? 1 : 0;
            downs += s == down ? 1 : 0;
            bad += s == BAD ? 1 : 0;
            if (i >= w) {
                byte old = side[i - w];
                ups -= old == up ? 1 : 0;
                downs -= old == down ? 1 : 0;
                bad -= old == BAD ? 1 : 0;
            }
            if (i >= w - 1) {
                if (pos != null) {
                    pos[i] = bad == 0 && ups > 0 ? pos[i] / ups : Double.NaN;
                }
                if (neg != null) {
                    neg[i] = bad == 0 && downs > 0 ? neg[i] / downs : Double.NaN;
                }
                if (posShare != null) {
                    posShare[i] = bad == 0 ? ups * scale : Double.NaN;
                }
                if (negShare != null) {
                    negShare[i] = bad == 0 ? downs * scale : Double.NaN;
                }
            }
        }
    }

    private static double[] warmedUp(int n, int w) {
        double[] out = new double[n];
        Arrays.fill(out, 0, Math.min(n, w - 1), Double.NaN);
        return out;
    }

    private static void addMeans(Derived.Builder b, Direction dir, double[][] means, int[] ws) {
        if (means == null) {
            return;
        }
        for (int k = 0; k < ws.length; k++) {
            String name = Columns.name("arp", dir.word, ws[k]);
            b.add(Columns.doubleColumn(name, means[k]), RowDerivationSpec.builder(dir.op)
                    .inputs(Candles.OPEN, Candles.HIGH, Candles.LOW, Candles.CLOSE).param("window", ws[k])
                    .reads(RowWindow.trailing(ws[k])).output(name).warmup(ws[k] - 1).build());
        }
    }

    private static void addFractions(Derived.Builder b, Direction dir, double[][] shares, int[] ws) {
        if (shares == null) {
            return;
        }
        for (int k = 0; k < ws.length; k++) {
            String name = Columns.name("arp", dir.word, "frac", ws[k]);
            b.add(Columns.doubleColumn(name, shares[k]), RowDerivationSpec.builder(dir.op + "_FRAC")
                    .inputs(Candles.OPEN, Candles.CLOSE).param("window", ws[k])
                    .reads(RowWindow.trailing(ws[k])).output(name).warmup(ws[k] - 1).build());
        }
    }

    static Derived rangeShock(Table table, Alignment alignment, int... windows) {
        if (alignment == null) {
            throw new IllegalArgumentException("range_shock: alignment is null; valid: EXECUTION_SAFE, HISTORICAL");
        }
        int[] ws = Params.windows("range_shock", "window", 1, windows);
        boolean safe = alignment == Alignment.EXECUTION_SAFE;
        double[] rp = rangePct(table);
        // each baseline written at the row that uses it (row i reads the mean ending at i-1 when execution-safe)
        double[][] baselines = RollingSums.means(rp, ws, safe ? 1 : 0);
        Derived.Builder b = Derived.builder(table);
        for (int k = 0; k < ws.length; k++) {
            int w = ws[k];
            double[] out = baselines[k];
            for (int i = 0; i < out.length; i++) {
                out[i] = rp[i] / out[i];
            }
            // a zero or NaN baseline (or NaN range) leaves the ratio non-finite: NaN
            for (int i = 0; i < out.length; i++) {
                if (!finite(out[i])) {
                    out[i] = Double.NaN;
                }
            }
            String name = safe ? Columns.name("range_shock", w) : Columns.name("range_shock", "hist", w);
            RowWindow baselineRows = safe ? RowWindow.of(-w, -1) : RowWindow.trailing(w);
            b.add(Columns.doubleColumn(name, out), RowDerivationSpec.builder("RANGE_SHOCK")
                    .inputs(Candles.OPEN, Candles.HIGH, Candles.LOW)
                    .param("window", w).param("alignment", alignment).param("baseline", baselineRows)
                    .reads(safe ? RowWindow.of(-w, 0) : RowWindow.trailing(w)).alignment(alignment)
                    .output(name).warmup(safe ? w : w - 1).build());
        }
        return b.build();
    }
}
