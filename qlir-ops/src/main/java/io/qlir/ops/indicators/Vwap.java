package io.qlir.ops.indicators;

import static io.qlir.core.kernels.FiniteValues.finite;
import static io.qlir.core.kernels.FiniteValues.finiteOrNaN;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.catalogue.ArgumentChecks;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * VWAP of the typical price {@code hlc3 = (high+low+close)/3}: {@code Σ(hlc3·volume) / Σvolume} over the rows so far
 * of a group (the whole table, each value of a key column, or each UTC day). Sums are compensated, so a group of
 * millions of rows does not drift. A non-finite input makes that row and the rest of its group NaN; zero cumulative
 * volume gives NaN.
 */
final class Vwap {

    static final long DAY_MS = 86_400_000L;

    private Vwap() {
    }

    static Derived cumulative(Table table) {
        int[] groups = new int[table.rowCount()];
        return build(table, groups, 1, "vwap", null, RowDerivationSpec.builder("VWAP").param("price", "hlc3"));
    }

    static Derived byGroup(Table table, String keyColumn) {
        ArgumentChecks.column("vwap_by", "key column", keyColumn);
        Column<?> key = Columns.require(table, keyColumn);
        int[] groups = new int[table.rowCount()];
        Map<Object, Integer> ids = new HashMap<>();
        for (int i = 0; i < groups.length; i++) {
            groups[i] = key.isMissing(i) ? -1 : ids.computeIfAbsent(key.get(i), k -> ids.size());
        }
        return build(table, groups, ids.size(), Columns.name("vwap", "by", keyColumn), keyColumn,
                RowDerivationSpec.builder("VWAP").param("price", "hlc3").param("group_by", keyColumn));
    }

    static Derived session(Table table) {
        Column<?> time = Columns.require(table, Candles.OPEN_TIME);
        if (!(time instanceof LongColumn openTime)) {
            throw new IllegalArgumentException("vwap_session: column '" + Candles.OPEN_TIME + "' is "
                    + time.type().name() + ", not LONG epoch millis UTC; the table has columns " + table.columnNames());
        }
        int[] groups = new int[table.rowCount()];
        Map<Long, Integer> ids = new HashMap<>();
        for (int i = 0; i < groups.length; i++) {
            groups[i] = openTime.isMissing(i) ? -1
                    : ids.computeIfAbsent(Math.floorDiv(openTime.getLong(i), DAY_MS), k -> ids.size());
        }
        return build(table, groups, ids.size(), "vwap_session", Candles.OPEN_TIME,
                RowDerivationSpec.builder("VWAP").param("price", "hlc3").param("session", "utc_day"));
    }

    private static Derived build(Table table, int[] groups, int groupCount, String name, String keyColumn,
            RowDerivationSpec.Builder spec) {
        double[] high = Columns.doubles(table, Candles.HIGH);
        double[] low = Columns.doubles(table, Candles.LOW);
        double[] close = Columns.doubles(table, Candles.CLOSE);
        double[] volume = Columns.doubles(table, Candles.VOLUME);
        double[] pv = new double[2 * groupCount];
        double[] vol = new double[2 * groupCount];
        double[] out = new double[groups.length];
        for (int i = 0; i < out.length; i++) {
            int g = groups[i];
            if (g < 0) {
                out[i] = Double.NaN;
                continue;
            }
            double h = high[i];
            double l = low[i];
            double c = close[i];
            double v = volume[i];
            double price = (h + l + c) / 3.0;
            boolean ok = finite(h) && finite(l) && finite(c) && finite(v);
            add(pv, g, ok ? price * v : Double.NaN);
            add(vol, g, ok ? v : Double.NaN);
            double totalVolume = vol[2 * g] + vol[2 * g + 1];
            double value = totalVolume != 0 ? (pv[2 * g] + pv[2 * g + 1]) / totalVolume : Double.NaN;
            out[i] = finiteOrNaN(value);
        }
        spec.inputs(Candles.HIGH, Candles.LOW, Candles.CLOSE, Candles.VOLUME);
        if (keyColumn != null) {
            spec.inputs(keyColumn);
        }
        return Derived.builder(table).add(Columns.doubleColumn(name, out),
                spec.reads(RowWindow.unboundedPast(0)).output(name).build()).build();
    }

    /** Neumaier-compensated add into the pair {@code sums[2g], sums[2g+1]}. */
    private static void add(double[] sums, int g, double v) {
        double s = sums[2 * g];
        double t = s + v;
        sums[2 * g + 1] += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
        sums[2 * g] = t;
    }
}
