package io.qlir.cli;

import io.qlir.data.manifest.StoreSource;
import io.qlir.binance.load.CandleLoader;
import io.qlir.binance.load.LoadResult;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.ops.dataset.DatasetFingerprint;
import io.qlir.ops.dataset.DatasetSource;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * The closed candles of one stored series (forming candles left out), with the {@link DatasetFingerprint} a study
 * or pipeline run records beside its output.
 *
 * <p>The fingerprint's hash covers the {@code data_sha256} of every slice file that holds a row of the table, in
 * time order, as the loader read them from the files' meta in the same pass as the rows
 * ({@link LoadResult#sliceChecksums()}): a writer replacing a file during the load cannot make the checksums
 * disagree with the candles.
 * <pre>{@code
 * StoredCandles c = StoredCandles.load(store, series, from, to, true);
 * Studies.smaPersistence(c.candles(), "close");
 * }</pre>
 */
record StoredCandles(Table candles, DatasetFingerprint fingerprint, LoadResult load) {

    private static final Logger LOG = LoggerFactory.getLogger(StoredCandles.class);

    /**
     * Loads the candles of an existing series between two optional bounds (inclusive open times).
     *
     * @param requireRows whether no candle in the range is bad input (for studies and charts) rather than an
     *     empty table
     */
    static StoredCandles load(StoreSource store, SliceSeries series, Instant from, Instant to, boolean requireRows)
            throws BadInputException {
        LoadResult result;
        try {
            result = CandleLoader.of(store, series).from(from).to(to).load();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        Table candles = result.candles();
        if (requireRows && candles.rowCount() == 0) {
            throw new BadInputException("no closed candles of " + StoreLocator.describe(series) + " under "
                    + store.describe(store.root()) + (from == null && to == null ? ""
                    : " between --start " + orOpen(from) + " and --end "
                    + orOpen(to)) + "; choose a range the store holds ('qlir manifest summary' shows it)");
        }
        DatasetFingerprint fp = DatasetFingerprint.of(candles, new DatasetSource(series.symbol(), series.interval(),
                series.endpoint(), result.sliceChecksums()));
        LOG.info("loaded {}: {}", fp.describe(), result.describe());
        return new StoredCandles(candles, fp, result);
    }

    private static String orOpen(Instant t) {
        return t == null ? "(open)" : t.toString();
    }
}
