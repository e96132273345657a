package io.qlir.ops.indicators;

import static io.qlir.ops.indicators.Recursions.finite;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.semantics.Alignment;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import io.qlir.semantics.Scope;
import tech.tablesaw.api.Table;

/**
 * The range family: {@code range_pct}, ARP, the ARP-D primitives and range shock. All of them start from the bar's
 * range as a fraction of its open.
 */
final class RangeIndicators {

    static final String RANGE_PCT = "range_pct";

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

        boolean counts(double open, double close) {
            return this == POS ? close > open : close < open;
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
        for (int i = 0; i < out.length; i++) {
            double o = open[i];
            double h = high[i];
            double l = low[i];
            double v = o > 0 && finite(o) && finite(h) && finite(l) ? (h - l) / o : Double.NaN;
            out[i] = finite(v) ? v : Double.NaN;   // a denormal open can overflow the ratio
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
        String opName = "arp_" + dir.word;
        int[] ws = Params.windows(opName, "window", 1, windows);
        double[] open = Columns.doubles(table, Candles.OPEN);
        double[] close = Columns.doubles(table, Candles.CLOSE);
        double[] rp = rangePct(table);
        double[] value = new double[rp.length];
        double[] count = new double[rp.length];
        for (int i = 0; i < rp.length; i++) {
            if (!finite(open[i]) || !finite(close[i])) {
                value[i] = Double.NaN;
                count[i] = Double.NaN;
            } else if (dir.counts(open[i], close[i])) {
                value[i] = rp[i];
                count[i] = 1;
            }
        }
        double[][] sums = RollingSums.sums(value, ws);
        double[][] counts = RollingSums.sums(count, ws);
        Derived.Builder b = Derived.builder(table);
        for (int k = 0; k < ws.length; k++) {
            double[] out = sums[k];
            double[] c = counts[k];
            for (int i = 0; i < out.length; i++) {
                out[i] = c[i] > 0 ? out[i] / c[i] : Double.NaN;
            }
            String name = Columns.name("arp", dir.word, ws[k]);
            b.add(Columns.doubleColumn(name, out), RowDerivationSpec.builder(dir.op)
                    .inputs(Candles.OPEN, Candles.HIGH, Candles.LOW, Candles.CLOSE).param("window", ws[k])
                    .reads(RowWindow.trailing(ws[k])).output(name).warmup(ws[k] - 1).build());
        }
        return b.build();
    }

    /** {@code arp_pos_frac_w} / {@code arp_neg_frac_w}: the share of bullish (bearish) bars in the window. */
    static Derived directionalFraction(Table table, Direction dir, int... windows) {
        String opName = "arp_" + dir.word + "_frac";
        int[] ws = Params.windows(opName, "window", 1, windows);
        double[] open = Columns.doubles(table, Candles.OPEN);
        double[] close = Columns.doubles(table, Candles.CLOSE);
        double[] count = new double[open.length];
        for (int i = 0; i < count.length; i++) {
            if (!finite(open[i]) || !finite(close[i])) {
                count[i] = Double.NaN;
            } else if (dir.counts(open[i], close[i])) {
                count[i] = 1;
            }
        }
        double[][] fractions = RollingSums.means(count, ws);
        Derived.Builder b = Derived.builder(table);
        for (int k = 0; k < ws.length; k++) {
            String name = Columns.name("arp", dir.word, "frac", ws[k]);
            b.add(Columns.doubleColumn(name, fractions[k]), RowDerivationSpec.builder(dir.op + "_FRAC")
                    .inputs(Candles.OPEN, Candles.CLOSE).param("window", ws[k])
                    .reads(RowWindow.trailing(ws[k])).output(name).warmup(ws[k] - 1).build());
        }
        return b.build();
    }

    static Derived arpD(Table table, int... windows) {
        int[] ws = Params.windows("arp_d", "window", 1, windows);
        return directionalMean(table, Direction.POS, ws)
                .then(t -> directionalMean(t, Direction.NEG, ws))
                .then(t -> directionalFraction(t, Direction.POS, ws))
                .then(t -> directionalFraction(t, Direction.NEG, ws));
    }

    static Derived rangeShock(Table table, Alignment alignment, int... windows) {
        if (alignment == null) {
            throw new IllegalArgumentException("range_shock: alignment is null; valid: EXECUTION_SAFE, HISTORICAL");
        }
        int[] ws = Params.windows("range_shock", "window", 1, windows);
        boolean safe = alignment == Alignment.EXECUTION_SAFE;
        double[] rp = rangePct(table);
        double[][] baselines = RollingSums.means(rp, ws);
        Derived.Builder b = Derived.builder(table);
        for (int k = 0; k < ws.length; k++) {
            int w = ws[k];
            double[] base = baselines[k];
            double[] out = new double[rp.length];
            int lag = safe ? 1 : 0;
            for (int i = 0; i < out.length; i++) {
                double baseline = i - lag >= 0 ? base[i - lag] : Double.NaN;
                double v = baseline != 0 ? rp[i] / baseline : Double.NaN;
                out[i] = finite(v) ? v : Double.NaN;
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
