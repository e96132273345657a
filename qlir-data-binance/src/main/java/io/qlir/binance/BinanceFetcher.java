package io.qlir.binance;

import io.qlir.data.manifest.StoreOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Fetch mode: brings a job's slices in a range (or its whole history) up to date, then returns a summary.
 *
 * <p>For a job (endpoint, symbol, interval, limit) a fetch probes the first candle once ({@code startTime=0&limit=1},
 * stored in the manifest as the grid anchor), lays the slice grid, opens and reconciles the slice directory (taking
 * its single-writer lock), and fetches every slice in the range that is {@code missing}, {@code failed},
 * {@code needs_refresh}, or {@code partial} and due again, newest first unless told otherwise. Each answer is
 * written as the slice's file and one journal line; rows that do not match their request (out of range, unsorted,
 * duplicated) are recorded as {@code failed/invalid_response}, never stored as complete. A slice that is complete on
 * disk is never asked for again, so a second run of the same fetch sends no kline request for it, and a run
 * killed at any moment loses nothing: the next run reconciles and continues.
 *
 * <p>An unknown symbol fails before anything is written ({@link UnknownSymbolException}); a probe that cannot reach
 * Binance throws {@link FetchException}; a second writer on the same directory gets a
 * {@link io.qlir.data.manifest.DirectoryLockedException}. Later failures do not throw: they are counted in the
 * {@link FetchSummary} and the next run retries them. "Now" and every time written into the store come from the
 * {@link StoreOptions}' clock (by default the client's).
 * <pre>{@code
 * try (BinanceClient client = BinanceClient.builder().build()) {
 *     BinanceFetcher fetcher = BinanceFetcher.builder(client, Path.of("data"))
 *             .listener(progressBar)
 *             .build();
 *     FetchSummary s = fetcher.fetch(FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1),
 *             Instant.parse("2024-01-01T00:00:00Z"), Instant.now());
 *     System.out.println(s.describe());
 * }
 * }</pre>
 * A fetcher is thread-safe and may run several jobs at once (each on its caller's thread); {@link #stop()} ends
 * them all cleanly, for example from a shutdown hook.
 */
public final class BinanceFetcher {

    private final FetchEngine engine;
    private final StopSignal stop;
    private final Builder spec;

    private BinanceFetcher(FetchEngine engine, Builder spec) {
        this.engine = engine;
        this.spec = spec;
        this.stop = new StopSignal(engine.client::cancelCallOf);
    }

    /**
     * A builder for a fetcher that fetches through a client into a data root.
     *
     * @param client the process's client (shared by every job: it holds the weight budget)
     * @param dataRoot the data root; created when missing
     * @return a builder with every default: newest first, 4 requests in flight per job, the default
     *     {@link StoreOptions} with the client's clock
     */
    public static Builder builder(BinanceClient client, Path dataRoot) {
        return new Builder(client, dataRoot);
    }

    /**
     * Fetches a job's whole history, from its first candle to now.
     *
     * @param job the job
     * @return what the run did
     * @throws UnknownSymbolException when Binance does not know the symbol (nothing is written)
     * @throws FetchException when the first-candle probe cannot reach Binance (nothing is written)
     * @throws io.qlir.data.manifest.DirectoryLockedException when another writer holds the job's directory
     * @throws IOException when the store cannot be read or written
     */
    public FetchSummary fetch(FetchJob job) throws IOException {
        return FetchRun.run(engine, stop, Objects.requireNonNull(job, "job"), null, null);
    }

    /**
     * Fetches the slices of a job that overlap {@code [from, to]}, clipped to the first candle and to now.
     *
     * @param job the job
     * @param from the first open time wanted, inclusive; null for the first candle
     * @param to the last open time wanted, inclusive; null for now
     * @return what the run did
     * @throws IllegalArgumentException when {@code from} is after {@code to}
     * @throws UnknownSymbolException when Binance does not know the symbol (nothing is written)
     * @throws FetchException when the first-candle probe cannot reach Binance (nothing is written)
     * @throws io.qlir.data.manifest.DirectoryLockedException when another writer holds the job's directory
     * @throws IOException when the store cannot be read or written
     */
    public FetchSummary fetch(FetchJob job, Instant from, Instant to) throws IOException {
        Objects.requireNonNull(job, "job");
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("fetch range start " + from + " is after its end " + to
                    + "; valid: start <= end");
        }
        return FetchRun.run(engine, stop, job, from == null ? null : from.toEpochMilli(),
                to == null ? null : to.toEpochMilli());
    }

    /**
     * Asks every running fetch of this fetcher to finish its in-flight slice write and return; requests waiting on
     * the network or on the weight budget are cut short (nothing of theirs is written). Returns at once; later
     * fetches return at once too. Safe to call from a shutdown hook.
     */
    public void stop() {
        stop.stop("stop requested");
    }

    /**
     * Whether {@link #stop()} was called.
     *
     * @return true after a stop
     */
    public boolean isStopped() {
        return stop.isStopped();
    }

    /**
     * The data root this fetcher writes into.
     *
     * @return the path
     */
    public Path dataRoot() {
        return engine.dataRoot;
    }

    /**
     * The client this fetcher sends through.
     *
     * @return the client
     */
    public BinanceClient client() {
        return engine.client;
    }

    /**
     * A builder holding this fetcher's client, data root and options, to make another fetcher like it.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(spec);
    }

    /** Collects a {@link BinanceFetcher}'s options; every option has a default. */
    public static final class Builder {
        private final BinanceClient client;
        private final Path dataRoot;
        private FetchOrder order = FetchOrder.NEWEST_FIRST;
        private FetchListener listener = FetchListener.NONE;
        private StoreOptions storeOptions;
        private int concurrency = 4;

        private Builder(BinanceClient client, Path dataRoot) {
            this.client = Objects.requireNonNull(client, "client");
            this.dataRoot = Objects.requireNonNull(dataRoot, "dataRoot");
        }

        private Builder(Builder b) {
            this(b.client, b.dataRoot);
            this.order = b.order;
            this.listener = b.listener;
            this.storeOptions = b.storeOptions;
            this.concurrency = b.concurrency;
        }

        /**
         * The order in which due slices are fetched (default newest first).
         *
         * @param o the order
         * @return this builder
         */
        public Builder order(FetchOrder o) {
            this.order = Objects.requireNonNull(o, "order");
            return this;
        }

        /**
         * Who hears about progress (default nobody).
         *
         * @param l the listener; thread-safe, see {@link FetchListener}
         * @return this builder
         */
        public Builder listener(FetchListener l) {
            this.listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        /**
         * How the store is written: its clock ("now" for planning, status and the times in slice files), status
         * policy, journal durability (default {@link StoreOptions#defaults()} with the client's clock).
         *
         * @param options the store options
         * @return this builder
         */
        public Builder storeOptions(StoreOptions options) {
            this.storeOptions = Objects.requireNonNull(options, "storeOptions");
            return this;
        }

        /**
         * How many requests of one job may be in flight at once (default 4); all of them take their weight from
         * the client's one budget, so more threads never mean more than the budget allows.
         *
         * @param threads 1 to 32
         * @return this builder
         * @throws IllegalArgumentException outside 1 to 32
         */
        public Builder concurrency(int threads) {
            if (threads < 1 || threads > 32) {
                throw new IllegalArgumentException("concurrency " + threads + " is out of range; valid: 1 to 32");
            }
            this.concurrency = threads;
            return this;
        }

        /**
         * Builds the fetcher.
         *
         * @return the fetcher
         */
        public BinanceFetcher build() {
            StoreOptions store = FetchEngine.storeOptions(storeOptions, client);
            return new BinanceFetcher(new FetchEngine(client, dataRoot, store, listener, order, concurrency),
                    new Builder(this));
        }
    }
}
