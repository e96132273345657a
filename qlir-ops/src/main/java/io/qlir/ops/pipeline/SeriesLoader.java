package io.qlir.ops.pipeline;

import tech.tablesaw.api.Table;

/**
 * Loads one series' candles when a {@link SeriesBatch} worker is ready for it, so that only about as many tables as
 * there are threads are in memory at once. Called from the batch's worker threads, several at a time: it must be
 * safe to call concurrently (reading a file or a store per call is).
 * <pre>{@code
 * SeriesLoader fromStore = symbol -> CandleLoader.of(dataRoot, seriesOf(symbol)).load().candles();
 * }</pre>
 */
@FunctionalInterface
public interface SeriesLoader {

    /**
     * The candles of one series.
     *
     * @param series the series' id, as given to the batch
     * @return its candle table
     * @throws Exception when the series cannot be loaded; the batch records it as that series' failure
     */
    Table load(String series) throws Exception;
}
