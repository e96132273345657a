package io.qlir.ops.indicators;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.catalogue.ArgumentChecks;
import io.qlir.core.kernels.RollingSums;
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
    }

    private RangeIndicators() {
    }

    /** {@code (high-low)/open}; NaN when open is not positive, an input is not finite, or the ratio overflows. */
    static double[] rangePct(Table table) {
        double[] open = Columns.doubles(table, Candles.OPEN);
        double[] out = new double[open.length];
        RangeBlocks.rangePct(open, Columns.doubles(table, Candles.HIGH), Columns.doubles(table, Candles.LOW), 0, out,
                out.length);
        return out;
    }

    static Derived arp(Table table, boolean keepIntermediate, int... windows) {
        int[] ws = ArgumentChecks.windows("arp", "window", 1, windows);
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
        int[] ws = ArgumentChecks.windows("arp_" + dir.word, "window", 1, windows);
        return directional(table, ws, dir == Direction.POS, dir == Direction.NEG, false, false);
    }

    /** {@code arp_pos_frac_w} / {@code arp_neg_frac_w}: the share of bullish (bearish) bars in the window. */
    static Derived directionalFraction(Table table, Direction dir, int... windows) {
        int[] ws = ArgumentChecks.windows("arp_" + dir.word + "_frac", "window", 1, windows);
        return directional(table, ws, false, false, dir == Direction.POS, dir == Direction.NEG);
    }

    static Derived arpD(Table table, int... windows) {
        int[] ws = ArgumentChecks.windows("arp_d", "window", 1, windows);
        return directional(table, ws, true, true, true, true);
    }

    /**
     * The ARP-D columns asked for, in the bundle's order (means pos, means neg, fractions pos, fractions neg; each
     * for every window), from one fused pass ({@link ArpDPass}) that computes all four, so every column equals what
     * its primitive computes alone.
     */
    private static Derived directional(Table table, int[] ws, boolean posMean, boolean negMean, boolean posFrac,
            boolean negFrac) {
        ArpDPass.Columns c = ArpDPass.compute(Columns.doubles(table, Candles.OPEN),
                Columns.doubles(table, Candles.HIGH), Columns.doubles(table, Candles.LOW),
                Columns.doubles(table, Candles.CLOSE), ws, new ArpDPass.Wanted(posMean, negMean, posFrac, negFrac));
        Derived.Builder b = Derived.builder(table);
        addMeans(b, Direction.POS, c.posMean(), ws);
        addMeans(b, Direction.NEG, c.negMean(), ws);
        addFractions(b, Direction.POS, c.posFrac(), ws);
        addFractions(b, Direction.NEG, c.negFrac(), ws);
        return b.build();
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
        boolean safe = alignment == Alignment.EXECUTION_SAFE;
        int[] ws = ArgumentChecks.windows(safe ? "range_shock" : "range_shock_hist", "window", 1, windows);
        double[][] shocks = RangeShockPass.compute(Columns.doubles(table, Candles.OPEN),
                Columns.doubles(table, Candles.HIGH), Columns.doubles(table, Candles.LOW), ws, safe ? 1 : 0);
        Derived.Builder b = Derived.builder(table);
        for (int k = 0; k < ws.length; k++) {
            int w = ws[k];
            double[] out = shocks[k];
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
