package io.qlir.binance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.file.SliceFile;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.file.SliceScan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one slice and records what happened: rows that fit are written as the slice's file, everything else is
 * recorded as a failure with its reason (the old file, if any, stays).
 *
 * <p>A slice whose stored rows are a contiguous prefix (the forming slice, typically) is fetched from its last
 * stored open time only: the stored candles before it are closed and never change, and the last one is asked
 * again because it may have been forming. The new rows must start exactly there, or the answer is
 * {@code invalid_response}.
 */
final class SliceFetch {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceFetcher.class);

    /** What one attempt did. */
    record Outcome(SliceKey key, SliceEntry entry, int rows, CallInfo call, String refusal, boolean stopped,
                   boolean changed) {
    }

    private final FetchEngine engine;
    private final FetchJob job;
    private final SliceDirectory dir;

    SliceFetch(FetchEngine engine, FetchJob job, SliceDirectory dir) {
        this.engine = engine;
        this.job = job;
        this.dir = dir;
    }

    Outcome fetch(SliceEntry before, StopSignal.Worker worker) throws IOException {
        SliceKey key = before.key();
        ArrayNode stored = storedPrefix(before);
        long start = stored == null ? key.startMs() : before.rows().lastOpenMs();
        KlineQuery q = new KlineQuery(job.endpoint(), job.symbol(), job.interval(), OptionalLong.of(start),
                OptionalLong.of(key.lastOpenMs()), job.limit());
        Instant requestedAt = engine.clock.instant();
        BinanceResult<KlineBatch> r = worker.interruptibly(() -> stored != null
                ? engine.client.klinesExpectingRows(q, "the candle at startTime is stored already")
                : emptyChecked(q, engine.client.klines(q), requestedAt));
        if (r == null) {
            return new Outcome(key, before, 0, null, null, true, false);
        }
        if (r instanceof BinanceResult.Ok<KlineBatch> ok) {
            return store(before, stored, ok.value(), info(q, requestedAt, 200), r.call());
        }
        if (r instanceof BinanceResult.BinanceError<KlineBatch> e) {
            SliceEntry after = dir.recordFailure(key, SliceReason.HTTP_ERROR, r.describe(),
                    info(q, requestedAt, e.httpStatus()));
            return new Outcome(key, after, 0, r.call(), r.describe(), false, true);
        }
        BinanceResult.Failed<KlineBatch> f = (BinanceResult.Failed<KlineBatch>) r;
        if (f.kind() == FailureKind.INTERRUPTED) {
            return new Outcome(key, before, 0, r.call(), null, true, false);
        }
        SliceEntry after = dir.recordFailure(key, reason(f.kind()), r.describe(), info(q, requestedAt, null));
        // rate limited beyond what the client waits out: the job stops (every other slice would fail alike)
        String refusal = f.kind() == FailureKind.RATE_LIMITED ? r.describe() : null;
        return new Outcome(key, after, 0, r.call(), refusal, false, true);
    }

    private Outcome store(SliceEntry before, ArrayNode stored, KlineBatch batch, FetchInfo info, CallInfo call)
            throws IOException {
        SliceKey key = before.key();
        String problem = problem(before, stored, batch);
        if (problem != null) {
            SliceEntry after = dir.recordFailure(key, SliceReason.INVALID_RESPONSE, problem, info);
            return new Outcome(key, after, 0, call, null, false, true);
        }
        ArrayNode received = RawRows.of(batch);
        ArrayNode rows = stored == null ? received : RawRows.concat(stored, before.rows().count() - 1, received);
        SliceEntry after = dir.write(key, rows, info);
        boolean changed = !Objects.equals(after.completedAt(), before.completedAt())
                || !after.verdict().equals(before.verdict());
        return new Outcome(key, after, batch.size(), call, null, false, changed);
    }

    /**
     * An empty answer for a slice whose first candle has closed, when Binance has candles from this slice on (its
     * newest candle opens at or after the slice start): an incident ({@code 200 []}), not the end of the history.
     * It is asked again, retried like a malformed body, and if it persists the slice ends {@code failed} (due, and
     * counted as failed) instead of being recorded {@code empty} for good. An empty slice after the newest candle
     * (a symbol that stopped trading) is a real {@code empty}.
     */
    private BinanceResult<KlineBatch> emptyChecked(KlineQuery q, BinanceResult<KlineBatch> r, Instant now) {
        if (!(r instanceof BinanceResult.Ok<KlineBatch> ok) || !ok.value().isEmpty()
                || job.interval().closeTime(q.startTime().getAsLong()) >= now.toEpochMilli()) {
            return r;
        }
        BinanceResult<KlineBatch> newest = engine.client.klines(KlineQuery.of(job.endpoint(), job.symbol(),
                job.interval()).withLimit(1));
        String why;
        if (newest instanceof BinanceResult.Ok<KlineBatch> n && !n.value().isEmpty()) {
            long newestOpen = n.value().openTime(0);
            if (newestOpen < q.startTime().getAsLong()) {
                return r; // the history ends before this slice
            }
            why = "Binance's newest candle opens at " + Instant.ofEpochMilli(newestOpen) + ", after this range's start";
        } else {
            why = "its first candle has closed and Binance's newest candle could not be read (" + newest.describe()
                    + ")";
        }
        LOG.warn("{}: {} answered no rows although {}; asking again", job, q.describe(), why);
        return engine.client.klinesExpectingRows(q, why);
    }

    /** Why a batch cannot be stored for this slice, or null when it can. */
    private static String problem(SliceEntry before, ArrayNode stored, KlineBatch batch) {
        if (!batch.problems().isEmpty()) {
            return "rows do not match the request " + batch.query().describe() + ": "
                    + String.join("; ", batch.problems());
        }
        if (stored != null) {
            long last = before.rows().lastOpenMs();
            if (batch.isEmpty() || batch.openTime(0) != last) {
                return "the tail answer " + batch + " does not start at the stored last open time " + last
                        + " (" + Instant.ofEpochMilli(last) + ")";
            }
        }
        return null;
    }

    /** The stored rows when the slice can be continued from its last row, else null (fetch it whole). */
    private ArrayNode storedPrefix(SliceEntry e) {
        RowSummary r = e.rows();
        SliceKey key = e.key();
        if (!e.hasFile() || e.status() == SliceStatus.COMPLETE || e.status() == SliceStatus.NEEDS_REFRESH
                || r.count() == 0 || r.count() > key.limit() || !r.isWellFormed() || r.gaps() != 0
                || r.firstOpenMs() != key.startMs()) {
            return null;
        }
        try {
            Path file = Layout.sliceFile(dir.path(), key);
            String damage = damage(file, e);
            if (damage != null) {
                LOG.warn("{}: the stored rows of {} cannot be trusted ({}); fetching it whole", job, key, damage);
                return null;
            }
            ArrayNode rows = SliceFile.read(file, engine.storeOptions.rowFormat()).rows();
            if (rows.size() != r.count()
                    || engine.storeOptions.rowFormat().openTime(rows.get(rows.size() - 1)) != r.lastOpenMs()) {
                LOG.warn("{}: {} holds {} rows, the manifest says {}; fetching it whole", job, key, rows.size(),
                        r.count());
                return null;
            }
            return rows;
        } catch (IOException | IllegalArgumentException ex) {
            LOG.warn("{}: cannot read the stored rows of {} ({}); fetching it whole", job, key, ex.toString());
            return null;
        }
    }

    /**
     * Why a stored file's rows must not be reused, or null when its data hashes to the checksum in its meta and in
     * the manifest: rows are reused only when verified, so a tail fetch never writes a fresh checksum over damaged
     * bytes.
     */
    private String damage(Path file, SliceEntry e) throws IOException {
        SliceScan scan = SliceFile.scan(file, engine.storeOptions.rowFormat());
        if (!(scan instanceof SliceScan.Parsed p)) {
            return "unreadable: " + ((SliceScan.Unreadable) scan).message();
        }
        String computed = p.computedSha256();
        String declared = p.meta().dataSha256();
        if (declared != null && !declared.equals(computed)) {
            return "its data hashes to " + computed + " but its meta says " + declared;
        }
        String indexed = e.file() == null ? null : e.file().dataSha256();
        if (indexed != null && !indexed.equals(computed)) {
            return "its data hashes to " + computed + " but the manifest says " + indexed;
        }
        return null;
    }

    /**
     * The request as recorded in the slice file's meta: the URL and the parameters actually sent. A tail fetch's
     * {@code startTime} is the last stored open time inside the slice, which the validator accepts as a tail (the
     * rows before it come from the earlier fetch the tail extends).
     */
    private FetchInfo info(KlineQuery q, Instant requestedAt, Integer status) {
        long sent = q.startTime().getAsLong();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", q.symbol());
        params.put("interval", q.interval().wireCode());
        params.put("startTime", Long.toString(sent));
        params.put("endTime", Long.toString(q.endTime().getAsLong()));
        params.put("limit", Integer.toString(q.limit()));
        String base = engine.client.baseUrl();
        StringBuilder url = new StringBuilder(base).append(base.endsWith("/") ? "" : "/")
                .append(q.endpoint().path().substring(1));
        char sep = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(sep).append(p.getKey()).append('=').append(p.getValue());
            sep = '&';
        }
        return new FetchInfo(url.toString(), params, status, requestedAt);
    }

    private static SliceReason reason(FailureKind kind) {
        switch (kind) {
            case NETWORK:
                return SliceReason.NETWORK_UNAVAILABLE;
            case INVALID_RESPONSE:
                return SliceReason.INVALID_RESPONSE;
            default:
                return SliceReason.HTTP_ERROR;
        }
    }
}
