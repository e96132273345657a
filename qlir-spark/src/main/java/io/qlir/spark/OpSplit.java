package io.qlir.spark;

import java.util.List;
import java.util.Objects;

/**
 * How one op's rows decide the split, read from the specs of every column it created (intermediates included).
 *
 * <p>{@code lookback} is the number of preceding rows the op needs, through every chain of columns it read: for
 * {@code sma(close,14)} the spec reads {@code [i-13 .. i]}, so 13. An op that reads all earlier rows ({@code [.. i]})
 * or later rows has no bounded lookback and {@link #bounded()} is false.
 * <pre>{@code
 * OpSplit s = QlirSpark.plan("sma(close,14)", 10_000).ops().get(0);
 * s.bounded();    // true
 * s.lookback();   // 13
 * }</pre>
 *
 * @param op the op in the op language, for example {@code sma(close,14)}
 * @param columns the columns it created, outputs first as the specs list them
 * @param bounded whether every column it created reads a bounded past window
 * @param lookback the preceding rows it needs (its largest chained lookback or warm-up); -1 when not bounded
 * @param reason why, naming the column and its rows read, for example {@code close_ema_12 reads [.. i]}
 */
public record OpSplit(String op, List<String> columns, boolean bounded, int lookback, String reason) {

    /**
     * Validates the components.
     *
     * @param op the op in the op language
     * @param columns the columns it created
     * @param bounded whether every column reads a bounded past window
     * @param lookback the preceding rows it needs; -1 when not bounded
     * @param reason why, naming the deciding column and its rows read
     */
    public OpSplit {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(reason, "reason");
        columns = List.copyOf(columns);
        if (bounded != (lookback >= 0)) {
            throw new IllegalArgumentException("op " + op + ": a bounded op has a lookback >= 0, an unbounded one -1; "
                    + "got bounded=" + bounded + ", lookback=" + lookback);
        }
    }
}
