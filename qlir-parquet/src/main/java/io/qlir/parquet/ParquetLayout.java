package io.qlir.parquet;

import io.qlir.core.Interval;
import io.qlir.data.manifest.SliceSeries;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Where the Parquet dataset lives under a data root: Hive-style partition folders, one file per series-month.
 * <pre>{@code
 * <dataRoot>/parquet/<venue>/<endpoint>/symbol=<SYMBOL>/interval=<interval folder>/month=<YYYY-MM>/candles.parquet
 * Path f = ParquetLayout.monthFile(root, series, YearMonth.of(2024, 1));
 * }</pre>
 * The interval folder is the wire code, except {@code 1M}, which is {@code 1mo} as everywhere in the store. The
 * contract other engines rely on is {@code docs/data-layout.md}; months are calendar months (UTC) of a candle's
 * open time.
 */
public final class ParquetLayout {

    /** The folder under the data root that holds the dataset. */
    public static final String ROOT = "parquet";
    /** The one data file of a month folder. */
    public static final String FILE_NAME = "candles.parquet";

    private ParquetLayout() {
    }

    /**
     * The folder of a series' months.
     *
     * @param dataRoot the data root
     * @param series the slice series (venue, endpoint, symbol, interval)
     * @return {@code <dataRoot>/parquet/<venue>/<endpoint>/symbol=<SYMBOL>/interval=<interval folder>}
     */
    public static Path seriesDirectory(Path dataRoot, SliceSeries series) {
        return dataRoot.resolve(ROOT).resolve(series.venue()).resolve(series.endpoint())
                .resolve("symbol=" + series.symbol()).resolve("interval=" + series.interval().folderName());
    }

    /**
     * The file of one series-month.
     *
     * @param dataRoot the data root
     * @param series the slice series
     * @param month the calendar month (UTC) of the candles' open times
     * @return the month's {@value #FILE_NAME}
     */
    public static Path monthFile(Path dataRoot, SliceSeries series, YearMonth month) {
        return seriesDirectory(dataRoot, series).resolve("month=" + month).resolve(FILE_NAME);
    }

    /**
     * The month (UTC) of an epoch-millisecond time.
     *
     * @param epochMs the time
     * @return its calendar month in UTC
     */
    public static YearMonth monthOf(long epochMs) {
        return YearMonth.from(Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.UTC));
    }

    /**
     * The first millisecond of a month (UTC).
     *
     * @param month the month
     * @return epoch millis of its first instant
     */
    public static long startMs(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    static String intervalFolder(Interval interval) {
        return interval.folderName();
    }
}
