package io.qlir.core.primitives;

import static io.qlir.core.kernels.FiniteValues.finiteOrNaN;

import io.qlir.core.Columns;
import java.util.Arrays;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.Table;

/**
 * Columns as arrays and back, and the small array kernels only core ops use (lags and returns, trailing counts). The
 * kernels qlir-ops needs too live in {@code io.qlir.core.kernels}.
 */
final class ColumnArrays {

    /** How a value at row {@code i} combines with the value {@code n} rows before it. */
    enum Step {
        LAG, DIFF, PCT_CHANGE, LOG_RETURN
    }

    private ColumnArrays() {
    }

    /**
     * A numeric column as a fresh array whose non-finite values are NaN, so that every kernel can treat NaN as "no
     * value" and never emit ±inf.
     */
    static double[] finite(Table table, String column) {
        double[] raw = Columns.doubles(table, column);
        double[] out = new double[raw.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = finiteOrNaN(raw[i]);
        }
        return out;
    }

    /** {@code steps[s][i]} for every lag in one pass: the value at {@code i} against the value {@code lags[s]} before. */
    static double[][] steps(double[] x, Step step, int[] lags) {
        double[][] out = new double[lags.length][];
        for (int s = 0; s < lags.length; s++) {
            out[s] = nans(x.length);
        }
        for (int i = 0; i < x.length; i++) {
            for (int s = 0; s < lags.length; s++) {
                int j = i - lags[s];
                if (j >= 0) {
                    out[s][i] = finiteOrNaN(apply(step, x[i], x[j]));
                }
            }
        }
        return out;
    }

    private static double apply(Step step, double now, double before) {
        return switch (step) {
            case LAG -> before;
            case DIFF -> now - before;
            case PCT_CHANGE -> before == 0 ? Double.NaN : now / before - 1;
            case LOG_RETURN -> now / before > 0 ? Math.log(now / before) : Double.NaN;
        };
    }

    /** An array of {@code n} NaNs: every row "no value" until a kernel writes it. */
    static double[] nans(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    /** A boolean column whose rows before {@code warmup} are missing and the rest hold {@code values}. */
    static BooleanColumn booleans(String name, boolean[] values, int warmup) {
        BooleanColumn c = BooleanColumn.create(name, values.length);
        for (int i = Math.max(0, warmup); i < values.length; i++) {
            c.set(i, values[i]);
        }
        return c;
    }

    /** How many of the rows {@code [i-k+1 .. i]} are true, for every {@code i >= k-1}; earlier rows are -1. */
    static int[] trailingTrueCounts(boolean[] b, int k) {
        int[] out = new int[b.length];
        int count = 0;
        for (int i = 0; i < b.length; i++) {
            count += b[i] ? 1 : 0;
            if (i >= k) {
                count -= b[i - k] ? 1 : 0;
            }
            out[i] = i >= k - 1 ? count : -1;
        }
        return out;
    }
}
