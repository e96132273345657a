package io.qlir.binance.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.data.file.SliceFile;
import io.qlir.data.file.SliceFileException;
import io.qlir.data.file.SliceScan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The reading pass: streams each slice file's rows with Jackson straight into the presized columns (no object per
 * candle), placing each row by its open time, skipping the versions the plan says lose (a forming candle where a
 * closed one exists; an older write where a newer one exists, by reading files oldest write first).
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

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String[] FIELDS = {"open_time", "open", "high", "low", "close", "volume", "close_time",
        "quote_volume", "trades", "taker_buy_base_volume", "taker_buy_quote_volume"};

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
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(file, -1, "the file is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("data".equals(name) && t == JsonToken.START_ARRAY) {
                    dataStart = (int) p.currentTokenLocation().getByteOffset();
                    firstOpen = rows(p, source, index);
                    dataEnd = (int) p.currentLocation().getByteOffset();
                } else if ("meta".equals(name) && t == JsonToken.START_OBJECT) {
                    declaredSha = dataSha256(p);
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) { // not JSON at all: damaged in place, same size
            throw malformed(file, -1, e.getOriginalMessage());
        }
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

    /** The meta's {@code data_sha256}, or null; leaves the parser at the meta's end. */
    private static String dataSha256(JsonParser p) throws IOException {
        String sha = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_STRING && "data_sha256".equals(field)) {
                sha = p.getText();
            } else {
                p.skipChildren();
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
    private long rows(JsonParser p, LoadPlan.Source source, int index) throws IOException {
        int row = 0;
        long firstOpen = Long.MAX_VALUE;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
            p.nextToken();
            long openMs = longValue(p, source.file(), row, 0);
            if (row == 0) {
                firstOpen = openMs;
            }
            int target = place(openMs, source);
            if (target >= 0) {
                owner[target] = index;
                out.openTime.set(target, openMs);
                fill(p, source.file(), row, target);
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
            }
            row++;
        }
        if (t != JsonToken.END_ARRAY) {
            throw malformed(source.file(), row, "a row is not an array");
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

    private void fill(JsonParser p, Path file, int row, int i) throws IOException {
        out.open[i] = decimal(p, file, row, 1);
        out.high[i] = decimal(p, file, row, 2);
        out.low[i] = decimal(p, file, row, 3);
        out.close[i] = decimal(p, file, row, 4);
        out.volume[i] = decimal(p, file, row, 5);
        p.nextToken();
        out.closeTime.set(i, longValue(p, file, row, 6));
        out.quoteVolume[i] = decimal(p, file, row, 7);
        p.nextToken();
        out.trades.set(i, longValue(p, file, row, 8));
        out.takerBase[i] = decimal(p, file, row, 9);
        out.takerQuote[i] = decimal(p, file, row, 10);
    }

    private static double decimal(JsonParser p, Path file, int row, int field) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Decimals.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } catch (NumberFormatException e) {
                throw malformed(file, row, FIELDS[field] + " is \"" + p.getText() + "\", not a number");
            }
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        throw malformed(file, row, FIELDS[field] + " is " + t + ", not a number");
    }

    private static long longValue(JsonParser p, Path file, int row, int field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(p.getText());
            } catch (NumberFormatException e) {
                throw malformed(file, row, FIELDS[field] + " is \"" + p.getText() + "\", not an integer");
            }
        }
        throw malformed(file, row, FIELDS[field] + " is " + t + ", not an integer");
    }

    private static SliceFileException malformed(Path file, int row, String what) {
        return new SliceFileException(file, row < 0 ? SliceScan.Problem.MALFORMED : SliceScan.Problem.BAD_ROWS,
                (row >= 0 ? "row " + row + ": " : "") + what
                + "; valid: rows of Binance klines [openTime, open, high, low, close, volume, closeTime, ...]");
    }
}
