package io.qlir.spark;

import io.qlir.core.Candles;
import io.qlir.core.Derived;
import io.qlir.ops.pipeline.Pipeline;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Runs on executors over one partition sorted by (series key, chunk, open time): each run of rows with the same key
 * and chunk becomes a qlir candle table, the ops apply, and the rows that are not halo come back with the new
 * columns appended. Holds only names and positions, so it serializes small; the ops are parsed once per partition.
 */
final class ChunkDeriver implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final String opsText;
    private final int[] group;
    private final int keep;
    private final int[] candle;
    private final int[] pass;
    private final String[] outputs;
    private final String[] names;

    ChunkDeriver(String opsText, String[] names, int[] group, int keep, int[] candle, int[] pass,
            List<String> outputs) {
        this.names = names.clone();
        this.opsText = Objects.requireNonNull(opsText, "opsText");
        this.group = group.clone();
        this.keep = keep;
        this.candle = candle.clone();
        this.pass = pass.clone();
        this.outputs = outputs.toArray(new String[0]);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Pipeline pipeline = Pipeline.parse("qlir-spark", opsText);
        return new Iterator<>() {
            private Row next = rows.hasNext() ? rows.next() : null;
            private List<Row> run = List.of();
            private Column<?>[] cols;
            private int at;

            @Override
            public boolean hasNext() {
                while (true) {
                    while (at < run.size() && !run.get(at).getBoolean(keep)) {
                        run.set(at++, null);
                    }
                    if (at < run.size()) {
                        return true;
                    }
                    if (next == null) {
                        return false;
                    }
                    run = nextRun();
                    cols = derive(pipeline, run);
                }
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row in = run.set(at, null);
                return output(in, cols, at++);
            }

            /** The rows of one series or chunk, leaving the first row of the next in {@code next}. */
            private List<Row> nextRun() {
                List<Row> chunk = new ArrayList<>();
                at = 0;
                chunk.add(next);
                next = null;
                while (rows.hasNext()) {
                    Row r = rows.next();
                    if (!sameGroup(chunk.get(0), r)) {
                        next = r;
                        break;
                    }
                    chunk.add(r);
                }
                return chunk;
            }
        };
    }

    private boolean sameGroup(Row a, Row b) {
        for (int i : group) {
            if (!Objects.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Applies the ops to one run and returns the added columns; rows are then emitted one by one, each input row
     * released as its output goes, so a whole series' output is never held at once (the garbage collector paid).
     */
    private Column<?>[] derive(Pipeline pipeline, List<Row> chunk) {
        Derived d;
        try {
            d = pipeline.apply(table(chunk));
        } catch (RuntimeException e) {
            throw new IllegalStateException("qlir ops failed on the series " + describe(chunk.get(0)) + ": "
                    + e.getMessage(), e);
        }
        Column<?>[] cols = new Column<?>[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            cols[k] = d.table().column(outputs[k]);
        }
        return cols;
    }

    private Row output(Row in, Column<?>[] cols, int r) {
        Object[] values = new Object[pass.length + cols.length];
        for (int k = 0; k < pass.length; k++) {
            values[k] = in.get(pass[k]);
        }
        for (int k = 0; k < cols.length; k++) {
            values[pass.length + k] = value(cols[k], r);
        }
        return RowFactory.create(values);
    }

    private Table table(List<Row> chunk) {
        Candles.Builder b = Candles.builder(chunk.size());
        for (Row r : chunk) {
            b.add(millis(r, candle[0]), dbl(r, candle[1]), dbl(r, candle[2]), dbl(r, candle[3]), dbl(r, candle[4]),
                    dbl(r, candle[5]), millis(r, candle[6]), dbl(r, candle[7]), whole(r, candle[8]),
                    dbl(r, candle[9]), dbl(r, candle[10]));
        }
        return b.build();
    }

    private String describe(Row r) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < group.length - 1; i++) {
            parts.add(names[group[i]] + "=" + r.get(group[i]));
        }
        return String.join(", ", parts);
    }

    private static Object value(Column<?> c, int row) {
        if (c instanceof DoubleColumn dc) {
            return dc.getDouble(row);
        }
        if (c instanceof FloatColumn fc) {
            return fc.getFloat(row);
        }
        return c.isMissing(row) ? null : c.get(row);
    }

    private static double dbl(Row r, int i) {
        Object v = r.get(i);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    private long whole(Row r, int i) {
        Object v = r.get(i);
        if (v == null) {
            throw new IllegalArgumentException("column '" + names[i] + "' is null in a candle row; "
                    + "it must hold a whole number");
        }
        return ((Number) v).longValue();
    }

    private long millis(Row r, int i) {
        Object v = r.get(i);
        if (v instanceof java.sql.Timestamp ts) {
            return ts.getTime();
        } else if (v instanceof Instant in) {
            return in.toEpochMilli();
        } else if (v instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC).toEpochMilli();
        } else if (v instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("column '" + names[i] + "' holds " + v + "; a candle "
                + "time must be a timestamp or epoch milliseconds");
    }
}
