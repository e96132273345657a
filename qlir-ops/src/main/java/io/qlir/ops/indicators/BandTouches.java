package io.qlir.ops.indicators;

import static io.qlir.core.kernels.FiniteValues.finite;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.core.Derived;
import io.qlir.core.catalogue.ArgumentChecks;
import io.qlir.semantics.RowDerivationSpec;
import io.qlir.semantics.RowWindow;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Per-line touch flags and one position label per bar, against three band lines. */
final class BandTouches {

    static final double DEFAULT_EPS = 0.001;

    private static final String[] LINES = {"lower", "mid", "upper"};

    private BandTouches() {
    }

    static Derived touches(Table table, Bands bands, double eps) {
        if (bands == null) {
            throw new IllegalArgumentException("band_touches: bands is null; use Bands.bollinger(\"close\", 20, 2) "
                    + "or Bands.of(stem, lower, mid, upper, warmup)");
        }
        ArgumentChecks.nonNegative("band_touches", "eps", eps);
        List<String> missing = new ArrayList<>();
        for (String c : new String[] {bands.lower(), bands.mid(), bands.upper()}) {
            if (!table.containsColumn(c)) {
                missing.add(c);
            }
        }
        if (missing.isEmpty()) {
            return fromColumns(table, bands, eps, false);
        }
        if (bands.isBollinger() && missing.size() == 3) {
            return Bollinger.bollinger(table, bands.column(), bands.period(), bands.k())
                    .then(t -> fromColumns(t, bands, eps, true));
        }
        throw new IllegalArgumentException("band_touches: band columns " + missing + " of " + bands + " are not in the "
                + "table; compute the bands first (for example Indicators.bollinger(t, \"close\", 20, 2)). The table "
                + "has columns " + table.columnNames());
    }

    /**
     * @param bandsComputedHere whether the bands were computed by this call from the base column (then the specs
     *     declare the base column and the bands' window, which is what the op read from its input table)
     */
    private static Derived fromColumns(Table table, Bands bands, double eps, boolean bandsComputedHere) {
        double[] lo = Columns.doubles(table, bands.lower());
        double[] md = Columns.doubles(table, bands.mid());
        double[] up = Columns.doubles(table, bands.upper());
        double[] high = Columns.doubles(table, Candles.HIGH);
        double[] low = Columns.doubles(table, Candles.LOW);
        double[] close = Columns.doubles(table, Candles.CLOSE);
        String stem = eps == DEFAULT_EPS ? bands.stem() : Columns.name(bands.stem(), "eps", eps);
        int n = table.rowCount();
        BooleanColumn[] touched = new BooleanColumn[3];
        for (int line = 0; line < 3; line++) {
            touched[line] = BooleanColumn.create(Columns.name(stem, "touch", LINES[line]));
        }
        StringColumn position = StringColumn.create(Columns.name(stem, "position"));
        double[] lineValues = new double[3];
        for (int i = 0; i < n; i++) {
            lineValues[0] = lo[i];
            lineValues[1] = md[i];
            lineValues[2] = up[i];
            if (!defined(lo[i], md[i], up[i], high[i], low[i], close[i])) {
                for (BooleanColumn c : touched) {
                    c.appendMissing();
                }
                position.appendMissing();
                continue;
            }
            double tolerance = eps * (up[i] - lo[i]);
            boolean[] t = new boolean[3];
            for (int line = 0; line < 3; line++) {
                double v = lineValues[line];
                t[line] = (low[i] <= v && v <= high[i]) || Math.abs(close[i] - v) <= tolerance;
                touched[line].append(t[line]);
            }
            position.append(BandPosition.CODEC.encode(
                    BandPosition.classify(t[0], t[1], t[2], high[i], low[i], lo[i], md[i], up[i])));
        }
        Derived.Builder b = Derived.builder(table);
        for (int line = 0; line < 3; line++) {
            b.add(touched[line], spec("BAND_TOUCH", touched[line].name(), bands, eps, LINES[line], bandsComputedHere));
        }
        b.add(position, spec("BAND_POSITION", position.name(), bands, eps, null, bandsComputedHere));
        return b.build();
    }

    private static boolean defined(double lower, double mid, double upper, double high, double low, double close) {
        return finite(lower) && finite(mid) && finite(upper) && finite(high) && finite(low) && finite(close)
                && low <= high && lower <= mid && mid <= upper;
    }

    private static RowDerivationSpec spec(String op, String name, Bands bands, double eps, String line,
            boolean bandsComputedHere) {
        RowDerivationSpec.Builder s = RowDerivationSpec.builder(op);
        if (bandsComputedHere) {
            s.baseColumn(bands.column()).param("period", bands.period()).param("k", bands.k())
                    .reads(RowWindow.trailing(bands.period()));
        } else {
            s.inputs(bands.lower(), bands.mid(), bands.upper()).param("bands", bands.stem())
                    .reads(RowWindow.of(0, 0));
        }
        for (String bar : new String[] {Candles.HIGH, Candles.LOW, Candles.CLOSE}) {
            if (!bandsComputedHere || !bar.equals(bands.column())) {
                s.inputs(bar);
            }
        }
        s.param("eps", eps);
        if (line != null) {
            s.param("line", line);
        }
        return s.output(name).warmup(bands.warmup()).build();
    }
}
