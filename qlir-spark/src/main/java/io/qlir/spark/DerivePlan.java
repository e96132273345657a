package io.qlir.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructField;

/**
 * How {@link QlirSpark#derive} splits the work, decided from the ops' row semantics before any data is read.
 *
 * <p>When every op reads a bounded past window, each series is cut into chunks of {@code chunkRows} rows; every
 * chunk also receives the {@code halo} rows before it (the largest lookback of the ops), computes, and drops them, so
 * its values equal those of the whole series. When one op reads all earlier rows ({@code [.. i]}: EMA, RSI, MACD,
 * ATR) or later rows, no chunk can be computed alone, and each series runs whole in one task.
 * <pre>{@code
 * DerivePlan plan = QlirSpark.plan("sma(close,14); ema(close,12)", 100_000);
 * System.out.println(plan.explain());
 * }</pre>
 *
 * @param ops the ops in the op language, in order
 * @param chunkRows the rows per chunk asked for
 * @param chunked whether series are split into chunks
 * @param halo the rows each chunk carries before it, when chunked; 0 otherwise
 * @param splits one entry per op: bounded or not, its lookback, and why
 * @param outputs the columns added to the candles, named as qlir names them, with their Spark types
 */
public record DerivePlan(List<String> ops, int chunkRows, boolean chunked, int halo, List<OpSplit> splits,
        List<StructField> outputs) {

    /**
     * Validates the components.
     *
     * @param ops the ops in the op language, in order
     * @param chunkRows the rows per chunk asked for, at least 1
     * @param chunked whether series are split into chunks
     * @param halo the rows each chunk carries before it, when chunked; 0 otherwise
     * @param splits one entry per op
     * @param outputs the columns added to the candles
     */
    public DerivePlan {
        ops = List.copyOf(ops);
        splits = List.copyOf(splits);
        outputs = List.copyOf(outputs);
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be at least 1, got " + chunkRows);
        }
        if (halo < 0 || (!chunked && halo != 0)) {
            throw new IllegalArgumentException("halo must be >= 0, and 0 unless chunked; got " + halo);
        }
    }

    /**
     * The ops as one op-language text, as executors parse them.
     *
     * @return for example {@code sma(close,14); ema(close,12)}
     */
    public String opsText() {
        return String.join("; ", ops);
    }

    /**
     * The names of the added columns, in order.
     *
     * @return the names
     */
    public List<String> outputNames() {
        return outputs.stream().map(StructField::name).collect(Collectors.toList());
    }

    /**
     * The plan in words: the split, then one line per op saying whether it chunks, with which halo, or why it runs
     * per series.
     *
     * @return the explanation
     */
    public String explain() {
        List<String> lines = new ArrayList<>();
        List<String> unbounded = splits.stream().filter(s -> !s.bounded()).map(OpSplit::op)
                .collect(Collectors.toList());
        lines.add("path: any Dataset<Row> (QlirSpark.derive): rows are shuffled by series" + (chunked ? " and chunk"
                : "") + " and sorted by open_time, since nothing is known of their order; qlir's dataset folders "
                + "need no shuffle (QlirSpark.deriveDataset, explainFolders())");
        if (chunked) {
            lines.add("split: chunks of " + chunkRows + " rows per series, each with a halo of the " + halo
                    + " preceding rows (the largest lookback of the ops), computed then dropped");
        } else {
            lines.add("split: one task per series (symbol, interval[, endpoint]), because " + String.join(", ", unbounded)
                    + " cannot be computed from a chunk alone");
        }
        for (OpSplit s : splits) {
            if (s.bounded()) {
                lines.add("  " + s.op() + ": bounded, lookback " + s.lookback() + " (" + s.reason() + ")"
                        + (chunked ? "; chunked with halo " + halo : "; runs per series with the others"));
            } else {
                lines.add("  " + s.op() + ": per series, " + s.reason());
            }
        }
        lines.add("adds " + outputNames());
        return String.join(System.lineSeparator(), lines);
    }

    /**
     * The plan in words for {@link QlirSpark#deriveDataset}, which reads qlir's dataset folders: which path ran and why,
     * then one line per op.
     *
     * @return the explanation
     */
    public String explainFolders() {
        List<String> lines = new ArrayList<>();
        lines.add("path: qlir's dataset folders (QlirDeriveSource): each series folder (symbol=S/interval=I) is read "
                + "month by month in open_time order (each month file is sorted: no sort), one task per series, no "
                + "shuffle, columns in and out with no row object per candle; " + (chunked
                ? "the ops are all bounded, so the task streams the series in chunks of " + chunkRows + " rows, each "
                + "after the " + halo + " rows before it (the largest lookback), and holds only one chunk"
                : "the task holds the whole series, so every op is exact whatever rows it reads"));
        for (OpSplit s : splits) {
            lines.add("  " + s.op() + ": whole series, " + (s.bounded() ? "bounded, lookback " + s.lookback() + " ("
                    + s.reason() + ")" : s.reason()));
        }
        lines.add("adds " + outputNames());
        return String.join(System.lineSeparator(), lines);
    }

    @Override
    public String toString() {
        return explain();
    }

    static DerivePlan of(List<String> ops, int chunkRows, List<OpSplit> splits, List<StructField> outputs) {
        Objects.requireNonNull(splits, "splits");
        boolean chunked = splits.stream().allMatch(OpSplit::bounded);
        int halo = chunked ? splits.stream().mapToInt(OpSplit::lookback).max().orElse(0) : 0;
        return new DerivePlan(ops, chunkRows, chunked, halo, splits, outputs);
    }
}
