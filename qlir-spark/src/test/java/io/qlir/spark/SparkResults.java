package io.qlir.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.ops.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Spark results set beside qlir's own on the same series: relative 1e-12, NaN where qlir has NaN. */
final class SparkResults {

    private SparkResults() {
    }

    /** Collects the derived rows of one series, in open_time order. */
    static List<Row> series(List<Row> all, String symbol, String interval) {
        List<Row> out = new ArrayList<>();
        for (Row r : all) {
            if (r.getAs("symbol").equals(symbol) && r.getAs("interval").equals(interval)) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing(r -> ((java.sql.Timestamp) r.getAs("open_time")).getTime()));
        return out;
    }

    static Map<String, List<Row>> bySeries(Dataset<Row> derived, List<String[]> keys) {
        List<Row> all = derived.collectAsList();
        Map<String, List<Row>> out = new LinkedHashMap<>();
        int total = 0;
        for (String[] k : keys) {
            List<Row> rows = series(all, k[0], k[1]);
            out.put(k[0] + "/" + k[1], rows);
            total += rows.size();
        }
        assertThat(total).as("every row belongs to a known series").isEqualTo(all.size());
        return out;
    }

    /** Asserts that {@code rows} carry, for every new column, the values qlir computes on {@code candles}. */
    static void assertEqualsQlir(String ops, Table candles, List<Row> rows, String label) {
        var expected = Pipeline.parse("expected", ops).apply(candles);
        assertThat(rows).as("%s: one row per candle", label).hasSize(candles.rowCount());
        assertThat(expected.columns()).as("%s: the ops add columns", label).isNotEmpty();
        for (String name : expected.columns()) {
            Column<?> col = expected.table().column(name);
            for (int r = 0; r < rows.size(); r++) {
                assertThat(((java.sql.Timestamp) rows.get(r).getAs("open_time")).getTime())
                        .isEqualTo(candles.longColumn("open_time").get(r));
                Object want = col instanceof DoubleColumn dc ? (Object) dc.getDouble(r)
                        : col.isMissing(r) ? null : col.get(r);
                assertSameValue(want, rows.get(r).getAs(name), label + " " + name + " row " + r);
            }
        }
    }

    /** Equal values, doubles within relative 1e-12 (a rolling sum started elsewhere differs in the last bits). */
    static void assertSameValue(Object want, Object have, String what) {
        if (want instanceof Double w) {
            double h = (Double) have;
            if (Double.isNaN(w)) {
                assertThat(h).as(what).isNaN();
            } else if (Double.isInfinite(w)) {
                assertThat(h).as(what).isEqualTo(w);
            } else {
                double tol = 1e-12 * Math.max(Math.abs(w), Math.abs(h));
                assertThat(Math.abs(h - w)).as("%s: want %s, have %s", what, w, h).isLessThanOrEqualTo(tol);
            }
        } else {
            assertThat(have).as(what).isEqualTo(want);
        }
    }
}
