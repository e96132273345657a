package io.qlir.binance.load;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.data.file.SliceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The reading pass: reads each slice file's rows straight from its bytes ({@link SliceBytes}) into the presized
 * columns (no object, token or string per candle), placing each row by its open time, skipping the versions the
 * plan says lose (a forming candle where a closed one exists; an older write where a newer one exists, by reading
 * files oldest write first).
 *
 * <p>It also checks the plan: a file whose size or data checksum is not the manifest's, a row in a slot the plan
 * did not expect, or a slot left unfilled, means a writer changed files since the manifest was read;
 * {@link #consistent()} is then false and the load starts over.
 *
 * <p>Each file's data is hashed as it is read and checked against the {@code data_sha256} of its meta: a file whose
 * bytes changed after it was written (a flipped digit keeps size and time) refuses the whole load with an
 * {@link IOException} naming the file, rather than serving a wrong price. Each output row
 * remembers which file filled it last (an int per row), so {@link #slices()} names exactly the files whose rows
 * ended up in the table, with the checksums of the bytes actually parsed.
 */
final class SliceFiller {

    private final LoadPlan plan;
    private final CandleArrays out;
    private final boolean reindex;
    private final SlotSet filled;
    /** Per output row, 1 + the index in {@link #read} of the file that filled it; 0 for a gap. */
    private final int[] owner;
    private final List<ReadFile> files = new ArrayList<>();
    long rowsRead;
    long replaced;
    long formingLeftOut;
    long unaligned;
    private long unexpected;
    private boolean staleFile;
    private int lastOwner;

    SliceFiller(LoadPlan plan, CandleArrays out, boolean reindex) {
        this.plan = plan;
        this.out = out;
        this.reindex = reindex;
        this.filled = new SlotSet(plan.present.size());
        this.owner = new int[out.size];
    }

    /** A file read: its slice, its data checksum and its first open time (Long.MAX_VALUE when it has no row). */
    private record ReadFile(LoadPlan.Source source, String dataSha256, long firstOpenMs) {
    }

    boolean consistent() {
        return !staleFile && unexpected == 0 && filled.cardinality() == plan.present.cardinality();
    }

    void read(LoadPlan.Source source) throws IOException {
        Path file = source.file();
        byte[] bytes;
        try {
            bytes = plan.store.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            staleFile = true; // replaced or removed since the manifest was read
            return;
        }
        if (bytes.length != source.entry().file().size()) {
            staleFile = true;
            return;
        }
        int index = files.size() + 1;
        String declaredSha = null;
        long firstOpen = Long.MAX_VALUE;
        int dataStart = -1;
        int dataEnd = -1;
        SliceBytes in = new SliceBytes(bytes, file);
        in.beginObject();
        for (boolean first = true; in.nextField(first); first = false) {
            if (in.keyIs(SliceBytes.DATA) && in.peek() == '[') {
                dataStart = in.position();
                firstOpen = rows(in, source, index);
                dataEnd = in.position();
            } else if (in.keyIs(SliceBytes.META) && in.peek() == '{') {
                declaredSha = dataSha256(in);
            } else {
                in.skipValue();
            }
        }
        in.end();
        String sha = dataStart < 0 ? "" : SliceFile.dataSha256(bytes, dataStart, dataEnd);
        if (declaredSha != null && !declaredSha.equals(sha)) {
            throw new IOException("slice file " + file + " is damaged: its data hashes to " + sha + " but its meta's "
                    + "data_sha256 is " + declaredSha + "; nothing was loaded. Repair: `qlir manifest rebuild` "
                    + "quarantines the file, then `qlir fetch` fetches the slice again");
        }
        String planned = source.entry().file().dataSha256();
        if (planned != null && !planned.equals(sha)) {
            staleFile = true; // same size, other content: replaced since the manifest was read
        }
        files.add(new ReadFile(source, sha, firstOpen));
    }

    /** Whether a source's slice lies entirely inside stored months (so its rows come from them). */
    static boolean within(List<StoredMonths.Month> months, LoadPlan.Source source) {
        for (StoredMonths.Month m : months) {
            if (source.entry().key().startMs() >= m.startMs() && source.entry().key().endMs() < m.endExclusiveMs()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Counts a source whose rows a stored month holds, without reading its file: it is complete, well formed and
     * on the grid (the stored month's lineage proved that and its checksum), so it holds its manifest's rows.
     */
    void adopt(LoadPlan.Source source) {
        rowsRead += source.entry().rows().count();
        String sha = source.entry().file().dataSha256();
        files.add(new ReadFile(source, sha == null ? "" : sha,
                source.entry().rows().count() == 0 ? Long.MAX_VALUE : source.entry().rows().firstOpenMs()));
    }

    /**
     * Fills the slots of a stored month that no slice file filled, each row owned by the adopted slice whose
     * range holds it; a row the plan does not expect (or an unreadable month) makes the load inconsistent.
     */
    void fill(StoredMonths.Month month) {
        Table t;
        try {
            t = month.read();
        } catch (IOException | RuntimeException e) {
            staleFile = true;
            return;
        }
        long[] openTimes = ((LongColumn) t.column(Candles.OPEN_TIME)).asLongArray();
        long[] closeTimes = ((LongColumn) t.column(Candles.CLOSE_TIME)).asLongArray();
        long[] trades = ((LongColumn) t.column(Candles.TRADES)).asLongArray();
        double[][] d = new double[8][];
        String[] names = {Candles.OPEN, Candles.HIGH, Candles.LOW, Candles.CLOSE, Candles.VOLUME,
            Candles.QUOTE_VOLUME, Candles.TAKER_BUY_BASE_VOLUME, Candles.TAKER_BUY_QUOTE_VOLUME};
        for (int c = 0; c < names.length; c++) {
            d[c] = Columns.doubles(t, names[c]);
        }
        for (int j = 0; j < openTimes.length; j++) {
            long openMs = openTimes[j];
            if (openMs < plan.spanLo || openMs > plan.spanHi) {
                continue;
            }
            int slot;
            int file;
            if (openMs < month.startMs() || openMs >= month.endExclusiveMs() || !plan.grid.isAligned(openMs)
                    || !plan.present.get(slot = plan.slot(openMs)) || (file = ownerOf(openMs)) < 0) {
                unexpected++;
                continue;
            }
            if (filled.get(slot)) {
                continue; // a slice straddling the month's edge was read from its file
            }
            filled.set(slot);
            int i = reindex ? (int) plan.grid.index(plan.lo, openMs) : plan.present.rank(slot);
            owner[i] = file;
            out.openTime.set(i, openMs);
            out.closeTime.set(i, closeTimes[j]);
            out.trades.set(i, trades[j]);
            out.open[i] = d[0][j];
            out.high[i] = d[1][j];
            out.low[i] = d[2][j];
            out.close[i] = d[3][j];
            out.volume[i] = d[4][j];
            out.quoteVolume[i] = d[5][j];
            out.takerBase[i] = d[6][j];
            out.takerQuote[i] = d[7][j];
        }
    }

    /** 1 + the index in {@link #files} of the file whose slice holds an open time, or -1. */
    private int ownerOf(long openMs) {
        if (lastOwner > 0 && files.get(lastOwner - 1).source().entry().key().contains(openMs)) {
            return lastOwner;
        }
        for (int k = files.size() - 1; k >= 0; k--) {
            if (files.get(k).source().entry().key().contains(openMs)) {
                lastOwner = k + 1;
                return lastOwner;
            }
        }
        return -1;
    }

    /** The meta's {@code data_sha256}, or null; leaves the cursor past the meta's end. */
    private static String dataSha256(SliceBytes in) throws IOException {
        in.beginObject();
        String sha = null;
        for (boolean first = true; in.nextField(first); first = false) {
            if (in.keyIs(SliceBytes.DATA_SHA256)) {
                sha = in.stringOrSkip();
            } else {
                in.skipValue();
            }
        }
        return sha;
    }

    /**
     * The files whose rows are in the table (each counted once, however many rows), ordered by their first open
     * time, then by slice start: time order.
     */
    List<LoadedSlice> slices() {
        int[] used = new int[files.size() + 1];
        for (int o : owner) {
            used[o]++;
        }
        List<LoadedSlice> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (used[i + 1] > 0) {
                ReadFile f = files.get(i);
                out.add(new LoadedSlice(f.source().entry().key(), f.dataSha256(), f.firstOpenMs(), used[i + 1]));
            }
        }
        out.sort(Comparator.comparingLong(LoadedSlice::firstOpenMs).thenComparingLong(s -> s.key().startMs()));
        return out;
    }

    /** Reads the data array's rows; returns the first row's open time (Long.MAX_VALUE when there is none). */
    private long rows(SliceBytes in, LoadPlan.Source source, int index) throws IOException {
        in.beginRows();
        long firstOpen = Long.MAX_VALUE;
        for (int row = 0; in.nextRow(); row++) {
            long openMs = in.integer(0);
            if (row == 0) {
                firstOpen = openMs;
            }
            int target = place(openMs, source);
            if (target >= 0) {
                owner[target] = index;
                out.openTime.set(target, openMs);
                fill(in, target);
            }
            in.endRow();
        }
        return firstOpen;
    }

    /** The output row for a candle, or -1 when this version is not the one kept. */
    private int place(long openMs, LoadPlan.Source source) {
        rowsRead++;
        if (!plan.grid.isAligned(openMs)) {
            unaligned++;
            return -1;
        }
        if (openMs < plan.spanLo || openMs > plan.spanHi) {
            return -1;
        }
        int slot = plan.slot(openMs);
        boolean forming = openMs >= source.formingFrom();
        if (forming && (!plan.includeForming || plan.closed.get(slot))) {
            if (plan.closed.get(slot)) {
                replaced++;
            } else {
                formingLeftOut++;
            }
            return -1;
        }
        if (!plan.present.get(slot)) {
            unexpected++;
            return -1;
        }
        if (filled.get(slot)) {
            replaced++;
        }
        filled.set(slot);
        return reindex ? (int) plan.grid.index(plan.lo, openMs) : plan.present.rank(slot);
    }

    private void fill(SliceBytes in, int i) throws IOException {
        out.open[i] = in.decimal(1);
        out.high[i] = in.decimal(2);
        out.low[i] = in.decimal(3);
        out.close[i] = in.decimal(4);
        out.volume[i] = in.decimal(5);
        out.closeTime.set(i, in.integer(6));
        out.quoteVolume[i] = in.decimal(7);
        out.trades.set(i, in.integer(8));
        out.takerBase[i] = in.decimal(9);
        out.takerQuote[i] = in.decimal(10);
    }
}
