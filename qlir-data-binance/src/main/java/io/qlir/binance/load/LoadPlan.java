package io.qlir.binance.load;

import io.qlir.data.file.RowFormat;
import io.qlir.data.file.SliceFile;
import io.qlir.data.file.SliceScan;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.StoreSource;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * The pass before reading: from the manifest alone (and, for the rare irregular file, its open times), which grid
 * slots will hold a candle, so the columns can be allocated at their final size and filled in place.
 *
 * <p>Each file's rows split at its {@code formingFrom} open time: rows before it had closed when the file was
 * written, rows from it on were still forming (close time at or after the file's {@code completed_at}). A slot is
 * present when some file holds its closed candle, or, when forming candles are wanted, any version of it.
 */
final class LoadPlan {

    /** A file to read, with the open time from which its rows were still forming. */
    record Source(SliceEntry entry, Path file, long writtenAtMs, long formingFrom) {
    }

    final StoreSource store;
    final Grid grid;
    final boolean includeForming;
    final long spanLo;
    final long spanHi;
    final SlotSet closed;
    final SlotSet present;
    final long lo;
    final long hi;
    final List<Source> sources;

    private LoadPlan(StoreSource store, Grid grid, boolean includeForming, long spanLo, long spanHi, SlotSet closed,
                     SlotSet present, long lo, long hi, List<Source> sources) {
        this.store = store;
        this.grid = grid;
        this.includeForming = includeForming;
        this.spanLo = spanLo;
        this.spanHi = spanHi;
        this.closed = closed;
        this.present = present;
        this.lo = lo;
        this.hi = hi;
        this.sources = sources;
    }

    /** The load's bounds: explicit ones (null when not given) and the newest candle "now" allows. */
    record Bounds(Long fromMs, Long toMs, boolean includeForming, long nowMs) {
    }

    static LoadPlan make(StoreSource store, Path dir, List<SliceEntry> entries, OptionalLong anchor, Grid grid,
                         Bounds b) throws IOException {
        List<Source> sources = sources(store, dir, entries, grid);
        long newest = b.includeForming() ? grid.floor(b.nowMs()) : grid.previous(grid.floor(b.nowMs()));
        long[] span = span(sources, anchor, grid, b, newest);
        long spanLo = span[0];
        long spanHi = span[1];
        int size = spanLo > spanHi ? 0 : grid.count(spanLo, spanHi);
        SlotSet closed = new SlotSet(size);
        SlotSet forming = new SlotSet(size);
        for (Source s : sources) {
            mark(store, s, grid, spanLo, spanHi, closed, forming);
        }
        SlotSet present = new SlotSet(size);
        present.or(closed);
        if (b.includeForming()) {
            present.or(forming);
        }
        int first = present.nextSet(0);
        long lo = 0;
        long hi = -1; // empty unless set below
        if (b.fromMs() != null && b.toMs() != null) {
            lo = Math.max(grid.ceil(b.fromMs()), anchor.orElse(Long.MIN_VALUE));
            hi = Math.min(grid.floor(b.toMs()), newest);
        } else if (first >= 0) {
            lo = b.fromMs() != null ? Math.max(grid.ceil(b.fromMs()), anchor.orElse(Long.MIN_VALUE))
                    : grid.openTime(spanLo, first);
            hi = b.toMs() != null ? Math.min(grid.floor(b.toMs()), newest) : grid.openTime(spanLo, present.lastSet());
        }
        if (lo <= hi) {
            grid.count(lo, hi); // a reindexed table of this range must fit
        }
        return new LoadPlan(store, grid, b.includeForming(), spanLo, spanHi, closed, present, lo, hi, sources);
    }

    /**
     * The open times the files can contribute: the stored rows' range cut by the bounds, never before the first
     * candle, never past the newest candle that can have closed; {@code {0, -1}} when there is none.
     */
    private static long[] span(List<Source> sources, OptionalLong anchor, Grid grid, Bounds b, long newest) {
        if (sources.isEmpty()) {
            return new long[] {0, -1};
        }
        long minFirst = Long.MAX_VALUE;
        long maxLast = Long.MIN_VALUE;
        for (Source s : sources) {
            minFirst = Math.min(minFirst, s.entry().rows().firstOpenMs());
            maxLast = Math.max(maxLast, s.entry().rows().lastOpenMs());
        }
        long lo = grid.ceil(b.fromMs() == null ? minFirst : Math.max(b.fromMs(), minFirst));
        if (b.fromMs() != null && anchor.isPresent()) {
            lo = Math.max(lo, anchor.getAsLong());
        }
        long hi = grid.floor(b.toMs() == null ? maxLast : Math.min(b.toMs(), maxLast));
        if (b.toMs() != null) {
            hi = Math.min(hi, newest);
        }
        return new long[] {lo, hi};
    }

    /** The files to read, oldest write first, so that a later write of the same candle wins. */
    private static List<Source> sources(StoreSource store, Path dir, List<SliceEntry> entries, Grid grid)
            throws IOException {
        List<Source> out = new ArrayList<>();
        for (SliceEntry e : entries) {
            if (!e.hasFile() || e.rows().count() == 0) {
                continue;
            }
            Path file = Layout.sliceFile(dir, e.key());
            Instant written = writtenAt(store, e, file);
            long formingFrom = written != null ? grid.floor(written.toEpochMilli())
                    : e.status() == SliceStatus.PARTIAL && e.reason() == SliceReason.STILL_FORMING
                    ? e.rows().lastOpenMs() : Long.MAX_VALUE;
            out.add(new Source(e, file, written == null ? Long.MIN_VALUE : written.toEpochMilli(), formingFrom));
        }
        out.sort(Comparator.comparingLong(Source::writtenAtMs).thenComparingLong(s -> s.entry().key().startMs()));
        return out;
    }

    /**
     * When the file's rows were received. A failed fetch leaves the old file but stamps the entry with the failure's
     * time, so for a failed entry the file's own meta is read.
     */
    private static Instant writtenAt(StoreSource store, SliceEntry e, Path file) throws IOException {
        if (e.status() == SliceStatus.FAILED) {
            return SliceFile.parseMeta(store.read(file), file).completedAt();
        }
        return e.completedAt();
    }

    /** Marks a file's candles as closed or forming slots inside the span. */
    private static void mark(StoreSource store, Source s, Grid grid, long spanLo, long spanHi, SlotSet closed,
                             SlotSet forming)
            throws IOException {
        if (closed.size() == 0) {
            return;
        }
        RowSummary r = s.entry().rows();
        if (r.isWellFormed() && r.gaps() == 0 && grid.index(r.firstOpenMs(), r.lastOpenMs()) + 1 == r.count()) {
            long first = r.firstOpenMs();
            long last = r.lastOpenMs();
            if (s.formingFrom() > last) {
                markRange(grid, spanLo, spanHi, first, last, closed);
            } else {
                markRange(grid, spanLo, spanHi, first, grid.previous(Math.max(first, s.formingFrom())), closed);
                markRange(grid, spanLo, spanHi, Math.max(first, s.formingFrom()), last, forming);
            }
            return;
        }
        SliceScan scan = SliceFile.scan(store.read(s.file()), s.file(), RowFormat.OPEN_TIME_FIRST);
        if (scan instanceof SliceScan.Unreadable u) {
            throw new IOException("slice file " + s.file() + " is damaged (" + u.problem() + ": " + u.message()
                    + "); open the directory for writing (a fetch) to quarantine it, or check it with the validator");
        }
        for (long t : ((SliceScan.Parsed) scan).openTimes()) {
            if (grid.isAligned(t) && t >= spanLo && t <= spanHi) {
                (t < s.formingFrom() ? closed : forming).set((int) grid.index(spanLo, t));
            }
        }
    }

    private static void markRange(Grid grid, long spanLo, long spanHi, long from, long to, SlotSet set) {
        long a = Math.max(from, spanLo);
        long b = Math.min(to, spanHi);
        if (a <= b) {
            set.set((int) grid.index(spanLo, a), (int) grid.index(spanLo, b));
        }
    }

    /** Whether the output grid is empty. */
    boolean isEmpty() {
        return lo > hi;
    }

    /** The slot of an open time inside the span. */
    int slot(long openMs) {
        return (int) grid.index(spanLo, openMs);
    }
}
