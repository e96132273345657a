package io.qlir.parquet;

import io.qlir.data.manifest.SliceSeries;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one aggregation of a series did: the months it wrote (new or changed sources), the months already current,
 * the months it removed (no rows left), and the rows written.
 * <pre>{@code
 * AggregationResult r = DatasetAggregator.of(root).aggregate(series);
 * System.out.println(r.describe());   // "binance/klines BTCUSDT 1m limit=1000: nothing new (14 months current)"
 * }</pre>
 *
 * @param series the series aggregated
 * @param written the months written, in order
 * @param unchanged how many months were already current
 * @param removed the months whose file was removed because no row is left for them
 * @param rowsWritten the candles written
 */
public record AggregationResult(SliceSeries series, List<YearMonth> written, int unchanged, List<YearMonth> removed,
                                long rowsWritten) {

    /**
     * Copies the lists.
     *
     * @param series the series
     * @param written months written
     * @param unchanged months already current
     * @param removed months removed
     * @param rowsWritten candles written
     */
    public AggregationResult {
        Objects.requireNonNull(series, "series");
        written = List.copyOf(written);
        removed = List.copyOf(removed);
    }

    /**
     * Whether the run found nothing to do.
     *
     * @return true when no month was written or removed
     */
    public boolean nothingNew() {
        return written.isEmpty() && removed.isEmpty();
    }

    /**
     * One line for people and logs.
     *
     * @return for example {@code binance/klines BTCUSDT 1m limit=1000: wrote 2 months (2024-01 .. 2024-02), 84960
     *     candles; 12 current}
     */
    public String describe() {
        if (nothingNew()) {
            return series + ": nothing new (" + unchanged + " months current)";
        }
        String w = written.isEmpty() ? "" : String.format(Locale.ROOT, "wrote %d month%s (%s), %d candles; ",
                written.size(), written.size() == 1 ? "" : "s", span(written), rowsWritten);
        String r = removed.isEmpty() ? "" : "removed " + removed.size() + " (" + span(removed) + "); ";
        return series + ": " + w + r + unchanged + " current";
    }

    private static String span(List<YearMonth> months) {
        return months.size() == 1 ? months.get(0).toString()
                : months.get(0) + " .. " + months.get(months.size() - 1);
    }
}
