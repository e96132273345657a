package io.qlir.binance;

import io.qlir.data.file.FetchInfo;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heals stores written before a {@code 200 []} inside the listed history was refused (issue 13 §4.1): such a store
 * recorded {@code empty/no_data} for a slice Binance does hold candles for, and an {@code empty} slice is never due
 * again, so that history stayed lost. Today's fetch records {@code empty} only after Binance's newest candle (a
 * symbol that stopped trading), so an {@code empty} slice that reaches the series' first candle (the grid anchor the
 * first-candle probe saw) and starts no later than the newest candle stored can only be such a slice. On open it is
 * recorded {@code failed/invalid_response} (its file kept), so this run fetches it again: rows replace it; an answer
 * that stays empty keeps it failed, due and reported, as for any incident.
 * <pre>{@code
 * SliceDirectory dir = OldEmptySlices.markDue(SliceDirectory.open(root, job.series()), job);
 * }</pre>
 */
final class OldEmptySlices {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceFetcher.class);

    /** The error recorded on each slice made due again. */
    static final String WHY = "recorded empty inside the listed history (a 200 [] an older qlir stored); "
            + "fetched again";

    private OldEmptySlices() {
    }

    /** Marks each such slice due; returns the directory (closed when marking fails). */
    static SliceDirectory markDue(SliceDirectory dir, FetchJob job) throws IOException {
        if (dir.gridAnchor().isEmpty()) {
            return dir;
        }
        long anchor = dir.gridAnchor().getAsLong();
        long newest = anchor;
        for (SliceEntry e : dir.entries()) {
            if (e.rows() != null && e.rows().count() > 0) {
                newest = Math.max(newest, e.rows().lastOpenMs());
            }
        }
        int marked = 0;
        try {
            for (SliceEntry e : dir.entries()) {
                if (e.status() == SliceStatus.EMPTY && e.key().endMs() >= anchor && e.key().startMs() <= newest) {
                    dir.recordFailure(e.key(), SliceReason.INVALID_RESPONSE, WHY, FetchInfo.UNKNOWN);
                    marked++;
                }
            }
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
        if (marked > 0) {
            LOG.warn("{}: {} slices were {}", job, marked, WHY);
        }
        return dir;
    }
}
