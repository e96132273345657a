package io.qlir.binance;

import io.qlir.binance.load.CandleLoader;
import io.qlir.binance.load.LoadResult;
import io.qlir.core.Interval;
import io.qlir.data.manifest.NoSuchSeriesException;
import io.qlir.data.manifest.StoreDamagedException;
import io.qlir.data.manifest.StoreSource;
import io.qlir.data.validate.ManifestValidator;
import io.qlir.data.validate.ValidationMode;
import io.qlir.data.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * The Binance history store in one place: load candles, fetch them, serve them, check them.
 *
 * <p>Every method is static, stateless and thread-safe. Loading needs no network and no lock (it may run next to a
 * fetch); fetching and serving need a {@link BinanceClient}, one per process because Binance counts weight per IP.
 * Data lives under {@code <dataRoot>/binance/<endpoint>/raw/<SYMBOL>/<interval>/limit=<limit>/} (the layout the
 * Python qlir writes too); a series is (data root, endpoint, symbol, interval, limit), as
 * {@link io.qlir.data.manifest.SliceSeries} names it.
 *
 * <p><b>Errors.</b> Two kinds, the same from every method, both unchecked:
 * <ul>
 *   <li>{@link NoSuchSeriesException} (an {@link IllegalArgumentException}): the series is not there. Loading finds
 *       no directory for it (the message lists the series that are there); fetching learns that Binance does not
 *       know the symbol ({@link UnknownSymbolException}, nothing written). Retrying cannot help.</li>
 *   <li>{@link StoreDamagedException} (an {@link java.io.UncheckedIOException}): the series' directory cannot be
 *       read as stored (no qlir manifest, a truncated or malformed slice file, named). A fetch, or
 *       {@code qlir manifest rebuild}, repairs it: the files are the truth, damaged ones go to
 *       {@code quarantine/}.</li>
 * </ul>
 * Anything else is the network ({@link FetchException}), a second writer
 * ({@link io.qlir.data.manifest.DirectoryLockedException}) or plain I/O.
 * <pre>{@code
 * Path root = Path.of(System.getProperty("user.home"), "qlir-data");
 * try (BinanceClient client = Binance.client()) {
 *     Binance.fetch(client, root, Endpoint.KLINES, "BTCUSDT", Interval.M1, Instant.parse("2024-01-01T00:00:00Z"), null);
 * }
 * Table candles = Binance.load(root, Endpoint.KLINES, "BTCUSDT", Interval.M1,
 *         Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-31T23:59:00Z")).candles();
 * }</pre>
 */
public final class Binance {

    private Binance() {
    }

    /**
     * Loads every stored candle of a symbol (slices of 1000), forming candles left out.
     *
     * @param dataRoot the data root
     * @param endpoint klines or uiKlines
     * @param symbol the symbol, upper case
     * @param interval the candle interval
     * @return the candles and their gap report
     * @throws IllegalArgumentException for a bad symbol
     * @throws NoSuchSeriesException when nothing is stored there (the message lists what is)
     * @throws StoreDamagedException when the stored series cannot be read as stored (the message names the file)
     * @throws java.io.UncheckedIOException when the files cannot be read
     */
    public static LoadResult load(Path dataRoot, Endpoint endpoint, String symbol, Interval interval) {
        return loader(dataRoot, endpoint, symbol, interval).load();
    }

    /**
     * Loads a symbol's candles with open times in {@code [from, to]} (slices of 1000), forming candles left out.
     *
     * @param dataRoot the data root
     * @param endpoint klines or uiKlines
     * @param symbol the symbol, upper case
     * @param interval the candle interval
     * @param from the first open time, inclusive
     * @param to the last open time, inclusive
     * @return the candles and their gap report
     * @throws IllegalArgumentException for a bad symbol, or {@code from} after {@code to}
     * @throws NoSuchSeriesException when nothing is stored there (the message lists what is)
     * @throws StoreDamagedException when the stored series cannot be read as stored (the message names the file)
     * @throws java.io.UncheckedIOException when the files cannot be read
     */
    public static LoadResult load(Path dataRoot, Endpoint endpoint, String symbol, Interval interval, Instant from,
                                  Instant to) {
        return loader(dataRoot, endpoint, symbol, interval).between(from, to).load();
    }

    /**
     * Loads a symbol's candles with open times in {@code [from, to]} from slices of another size.
     *
     * @param dataRoot the data root
     * @param endpoint klines or uiKlines
     * @param symbol the symbol, upper case
     * @param interval the candle interval
     * @param from the first open time, inclusive
     * @param to the last open time, inclusive
     * @param limit the slice size the data was fetched with (the directory {@code limit=<limit>})
     * @return the candles and their gap report
     * @throws IllegalArgumentException for a bad symbol or limit, or {@code from} after {@code to}
     * @throws NoSuchSeriesException when nothing is stored there (the message lists what is)
     * @throws StoreDamagedException when the stored series cannot be read as stored (the message names the file)
     * @throws java.io.UncheckedIOException when the files cannot be read
     */
    public static LoadResult load(Path dataRoot, Endpoint endpoint, String symbol, Interval interval, Instant from,
                                  Instant to, int limit) {
        return loader(dataRoot, endpoint, symbol, interval).limit(limit).between(from, to).load();
    }

    /**
     * Loads a symbol's candles (slices of 1000, forming candles left out) from a data root given as text: a local
     * folder, or {@code s3://BUCKET/PREFIX} where {@code qlir push} mirrored one (qlir-s3 on the class path; the
     * endpoint from {@code QLIR_S3_ENDPOINT}, the region from {@code AWS_REGION}, credentials from the standard AWS
     * chain). From a bucket, the manifest and the slice files in range are read into memory (one request each);
     * nothing is cached on disk.
     * <pre>{@code
     * Table t = Binance.load("s3://research/qlir", Endpoint.KLINES, "BTCUSDT", Interval.M1, null, null).candles();
     * }</pre>
     *
     * @param dataRoot a local folder or {@code s3://BUCKET/PREFIX}
     * @param endpoint klines or uiKlines
     * @param symbol the symbol, upper case
     * @param interval the candle interval
     * @param from the first open time, inclusive; null for the first stored
     * @param to the last open time, inclusive; null for the last stored
     * @return the candles and their gap report
     * @throws IllegalArgumentException for a bad symbol, {@code from} after {@code to}, or a root no reader on the
     *     class path can read
     * @throws NoSuchSeriesException when nothing is stored there (the message lists what is)
     * @throws StoreDamagedException when the stored series cannot be read as stored (the message names the file)
     * @throws java.io.UncheckedIOException when the store cannot be reached or read (the message names the URL)
     */
    public static LoadResult load(String dataRoot, Endpoint endpoint, String symbol, Interval interval, Instant from,
                                  Instant to) {
        try (StoreSource store = StoreSource.open(dataRoot)) {
            return loader(store, endpoint, symbol, interval).from(from).to(to).load();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * A loader reading through a source (the local data root or a bucket; see
     * {@link CandleLoader#of(StoreSource, io.qlir.data.manifest.SliceSeries)}).
     *
     * @param store where the store is read from; the loader does not close it
     * @param endpoint klines or uiKlines
     * @param symbol the symbol, upper case
     * @param interval the candle interval
     * @return a loader with no bounds, slices of 1000, forming candles left out, no reindexing
     * @throws IllegalArgumentException for a bad symbol
     */
    public static CandleLoader loader(StoreSource store, Endpoint endpoint, String symbol, Interval interval) {
        return CandleLoader.of(store, FetchJob.of(endpoint, symbol, interval).series());
    }

    /**
     * A loader with every option ({@code between}, {@code limit}, {@code includeForming}, {@code reindex}).
     *
     * @param dataRoot the data root
     * @param endpoint klines or uiKlines
     * @param symbol the symbol, upper case
     * @param interval the candle interval
     * @return a loader with no bounds, slices of 1000, forming candles left out, no reindexing
     * @throws IllegalArgumentException for a bad symbol
     */
    public static CandleLoader loader(Path dataRoot, Endpoint endpoint, String symbol, Interval interval) {
        return CandleLoader.of(dataRoot, FetchJob.of(endpoint, symbol, interval).series());
    }

    /**
     * A client for the production API with every default (one per process; close it when done).
     *
     * @return a new client
     */
    public static BinanceClient client() {
        return BinanceClient.builder().build();
    }

    /**
     * A builder for a fetcher (fetch mode) writing into a data root.
     *
     * @param client the process's client
     * @param dataRoot the data root
     * @return the builder
     */
    public static BinanceFetcher.Builder fetcher(BinanceClient client, Path dataRoot) {
        return BinanceFetcher.builder(client, dataRoot);
    }

    /**
     * Fetches a symbol's slices overlapping {@code [from, to]} (slices of 1000) with default options.
     *
     * @param client the process's client
     * @param dataRoot the data root
     * @param endpoint klines or uiKlines
     * @param symbol the symbol, upper case
     * @param interval the candle interval
     * @param from the first open time wanted, or null for the first candle
     * @param to the last open time wanted, or null for now
     * @return what the run did
     * @throws UnknownSymbolException when Binance does not know the symbol (a {@link NoSuchSeriesException};
     *     nothing is written)
     * @throws FetchException when Binance cannot be reached for the first-candle probe
     * @throws IOException when the store cannot be written, or another writer holds the directory
     */
    public static FetchSummary fetch(BinanceClient client, Path dataRoot, Endpoint endpoint, String symbol,
                                     Interval interval, Instant from, Instant to) throws IOException {
        return fetcher(client, dataRoot).build().fetch(FetchJob.of(endpoint, symbol, interval), from, to);
    }

    /**
     * A builder for a data server (follow mode, many jobs) writing into a data root.
     *
     * @param client the process's client
     * @param dataRoot the data root
     * @return the builder
     */
    public static BinanceDataServer.Builder server(BinanceClient client, Path dataRoot) {
        return BinanceDataServer.builder(client, dataRoot);
    }

    /**
     * Checks a job's slice directory with the store's validator (read-only, no lock).
     *
     * @param dataRoot the data root
     * @param job the job whose directory to check
     * @param mode metadata only, or every file too
     * @return the report; {@code isClean()} when there is no ERROR
     */
    public static ValidationReport validate(Path dataRoot, FetchJob job, ValidationMode mode) {
        Objects.requireNonNull(job, "job");
        return ManifestValidator.validate(dataRoot, job.series(), mode);
    }
}
