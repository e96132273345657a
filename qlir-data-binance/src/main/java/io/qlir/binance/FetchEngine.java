package io.qlir.binance;

import io.qlir.data.slice.SliceStatus;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What fetch runs and follow loops share: the client, the data root, the store options, the listener; and opening
 * a job's directory, which probes the first candle before anything is created.
 */
final class FetchEngine {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceFetcher.class);
    static final int INVALID_SYMBOL = -1121;

    final BinanceClient client;
    final Path dataRoot;
    final Clock clock;
    final StoreOptions storeOptions;
    final FetchListener listener;
    final FetchOrder order;
    final int concurrency;
    private final AtomicBoolean clockChecked = new AtomicBoolean();
    private final AtomicBoolean limitsRead = new AtomicBoolean();

    FetchEngine(BinanceClient client, Path dataRoot, StoreOptions storeOptions, FetchListener listener,
                FetchOrder order, int concurrency) {
        this.client = client;
        this.dataRoot = dataRoot;
        this.clock = storeOptions.clock();
        this.storeOptions = storeOptions;
        this.listener = listener;
        this.order = order;
        this.concurrency = concurrency;
    }

    /** The store options given to a builder, or the defaults with the client's clock when none were. */
    static StoreOptions storeOptions(StoreOptions given, BinanceClient client) {
        return given != null ? given : StoreOptions.builder().clock(client.clock()).build();
    }

    /** An opened directory and what the probe cost; {@code dir} is null when Binance has no candle yet. */
    record Opened(SliceDirectory dir, CallInfo probe) {
    }

    /**
     * Reads the limits Binance announces, once per engine, so every request is paced by them from the start: at the
     * first job's open, or earlier when the data server plans its refreshes in them before any job starts.
     */
    void readAnnouncedLimits() {
        if (limitsRead.compareAndSet(false, true)) {
            try {
                client.adoptAnnouncedLimits();
            } catch (IllegalArgumentException e) { // a configured budget smaller than exchangeInfo's weight
                LOG.warn("could not read the limits Binance announces ({}); pacing by the configured budget alone",
                        e.getMessage());
            }
        }
    }

    /**
     * Opens the job's directory (taking its lock and reconciling), probing the first candle when no anchor is
     * stored. The probe comes first when the directory does not exist, so an unknown symbol creates nothing.
     */
    Opened open(FetchJob job, StopSignal.Worker worker) throws IOException {
        if (!limitsRead.get()) {
            worker.interruptibly(() -> {
                readAnnouncedLimits();
                return null;
            });
        }
        checkClockOnce(worker);
        SliceSeries series = job.series();
        if (Files.exists(dataRoot) && !Files.isDirectory(dataRoot)) {
            throw new IOException("data root " + dataRoot + " is not a directory; valid: a directory (created if "
                    + "missing)");
        }
        if (!Files.isDirectory(series.directory(dataRoot))) {
            Probe p = probe(job, worker);
            if (p.anchor == null) {
                return new Opened(null, p.call);
            }
            SliceDirectory dir = SliceDirectory.open(dataRoot, series, storeOptions);
            return new Opened(OldEmptySlices.markDue(anchored(dir, p.anchor), job), p.call);
        }
        SliceDirectory dir = SliceDirectory.open(dataRoot, series, storeOptions);
        if (dir.gridAnchor().isPresent()) {
            return new Opened(OldEmptySlices.markDue(dir, job), null);
        }
        try {
            Probe p = probe(job, worker);
            if (p.anchor == null) {
                dir.close();
                return new Opened(null, p.call);
            }
            return new Opened(OldEmptySlices.markDue(anchored(dir, p.anchor), job), p.call);
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /**
     * Measures the clock against Binance's once per engine: "has this candle closed" is decided by our clock, so a
     * skew of more than a second is worth a warning (the client logs it). A failure here is only logged.
     */
    private void checkClockOnce(StopSignal.Worker worker) {
        if (clockChecked.compareAndSet(false, true) && client.lastServerTime().isEmpty()) {
            BinanceResult<ServerTime> r = worker.interruptibly(client::serverTime);
            if (r != null && !r.isOk()) {
                LOG.info("could not compare the clock with Binance's: {}", r.describe());
            }
        }
    }

    private static SliceDirectory anchored(SliceDirectory dir, long anchor) throws IOException {
        try {
            dir.setGridAnchor(anchor);
            return dir;
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    private record Probe(Long anchor, CallInfo call) {
    }

    private Probe probe(FetchJob job, StopSignal.Worker worker) {
        BinanceResult<KlineBatch> r = worker.interruptibly(
                () -> client.firstCandle(job.endpoint(), job.symbol(), job.interval()));
        if (r == null) {
            throw new StoppedException();
        }
        if (r instanceof BinanceResult.Ok<KlineBatch> ok) {
            KlineBatch b = ok.value();
            if (b.isEmpty()) {
                LOG.info("{}: Binance has no candle yet; nothing to fetch", job);
                return new Probe(null, r.call());
            }
            if (!b.problems().isEmpty() || !job.interval().isAligned(b.openTime(0))) {
                throw new FetchException(job + ": the first-candle probe answered rows that do not fit it: "
                        + b.problems() + " (open time " + b.openTime(0) + ")", null);
            }
            LOG.info("{}: first candle opens at {}", job, java.time.Instant.ofEpochMilli(b.openTime(0)));
            return new Probe(b.openTime(0), r.call());
        }
        if (r instanceof BinanceResult.BinanceError<KlineBatch> e && e.code() == INVALID_SYMBOL) {
            throw new UnknownSymbolException(job, r.describe(), lookalikes(job.symbol(), worker));
        }
        if (r instanceof BinanceResult.Failed<KlineBatch> f && f.kind() == FailureKind.INTERRUPTED) {
            throw new StoppedException();
        }
        throw new FetchException(job + ": cannot probe the first candle: " + r.describe(),
                r instanceof BinanceResult.Failed<KlineBatch> f ? f.cause() : null);
    }

    /** Trading symbols within two edits of a refused one; empty when exchangeInfo cannot be read. */
    private List<String> lookalikes(String symbol, StopSignal.Worker worker) {
        BinanceResult<List<String>> r = worker.interruptibly(client::tradingSymbols);
        if (r == null || !r.isOk()) {
            return List.of();
        }
        List<String> near = new ArrayList<>();
        for (String s : r.orThrow()) {
            if (Math.abs(s.length() - symbol.length()) <= 2 && distance(s, symbol.toUpperCase(java.util.Locale.ROOT))
                    <= 2) {
                near.add(s);
            }
        }
        String upper = symbol.toUpperCase(java.util.Locale.ROOT);
        near.sort(Comparator.comparingInt((String s) -> distance(s, upper)).thenComparing(s -> s));
        return near.subList(0, Math.min(5, near.size()));
    }

    /** Levenshtein distance (symbols are at most 20 characters). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * Tells the listener what the store recorded for a slice (the candles it holds now beyond what it held
     * before), and that a failed slice is a job failure.
     */
    void recorded(FetchJob job, SliceEntry before, SliceFetch.Outcome o) {
        if (o.entry() == null || !o.changed()) {
            return;
        }
        boolean failed = o.entry().status() == SliceStatus.FAILED;
        int written = failed || !o.entry().hasFile() ? 0
                : Math.max(0, o.entry().rows().count() - (before.hasFile() ? before.rows().count() : 0));
        notify(() -> listener.sliceRecorded(job, o.entry(), written));
        if (failed) {
            String why = o.entry().error() != null ? o.entry().error() : o.entry().reason().wireCode();
            notify(() -> listener.jobFailed(job, JobFailureKind.SLICE, why));
        }
    }

    /** Calls the listener, never letting it break a job. */
    void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("fetch listener failed (ignored): {}", e.toString());
        }
    }

    /** A stop request ended a probe; nothing was written. */
    static final class StoppedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoppedException() {
            super("stopped", null, false, false);
        }
    }
}
