package io.qlir.parquet;

import io.qlir.data.manifest.Manifest;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceStatus;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the slice manifest says each month of a series should be: the slices it covers (its expected lineage) and
 * whether it is sealed. A month exists when some slice file holds a row in it. It is sealed when it is over and
 * every grid slice that overlaps it is complete (or empty: the upstream has no rows there), on the grid, with a
 * file.
 */
final class SeriesMonths {

    /**
     * One month's expectation: the manifest entries of the slices it covers, in start order, and whether it is
     * sealed.
     */
    record Month(YearMonth month, List<SliceEntry> sources, boolean sealed) {

        /** The lineage a month file made now would carry (each slice id hashed from its key). */
        List<SliceLineage> lineage() {
            List<SliceLineage> out = new ArrayList<>(sources.size());
            for (SliceEntry e : sources) {
                out.add(lineageOf(e));
            }
            return List.copyOf(out);
        }

        /**
         * Whether a month file's stored lineage names exactly these sources, key by key and checksum by checksum.
         * The slice ids are not compared: an id is a hash of its key, and hashing every key of a 170,000-slice
         * series was a sixth of a rerun with nothing new. (The validator compares whole lineages, ids included.)
         */
        boolean sameSources(List<SliceLineage> stored) {
            if (stored.size() != sources.size()) {
                return false;
            }
            for (int i = 0; i < stored.size(); i++) {
                SliceEntry e = sources.get(i);
                SliceLineage l = stored.get(i);
                if (!l.dataSha256().equals(sha(e)) || !l.key().equals(e.key().canonical())) {
                    return false;
                }
            }
            return true;
        }

        long startMs() {
            return ParquetLayout.startMs(month);
        }

        long endExclusiveMs() {
            return ParquetLayout.startMs(month.plusMonths(1));
        }
    }

    private SeriesMonths() {
    }

    static TreeMap<YearMonth, Month> of(Manifest manifest, long nowMs) {
        List<SliceEntry> files = new ArrayList<>(manifest.fileBacked());
        files.sort(Comparator.comparingLong(e -> e.key().startMs()));
        TreeMap<YearMonth, List<SliceEntry>> byMonth = new TreeMap<>();
        for (SliceEntry e : files) {
            if (e.rows().count() == 0) {
                continue;
            }
            YearMonth last = ParquetLayout.monthOf(e.rows().lastOpenMs());
            for (YearMonth m = ParquetLayout.monthOf(e.rows().firstOpenMs()); !m.isAfter(last); m = m.plusMonths(1)) {
                byMonth.computeIfAbsent(m, k -> new ArrayList<>());
            }
        }
        Map<SliceKey, SliceEntry> byKey = new java.util.HashMap<>();
        for (SliceEntry e : manifest.entries()) {
            byKey.put(e.key(), e);
        }
        TreeMap<YearMonth, Month> out = new TreeMap<>();
        for (YearMonth m : byMonth.keySet()) {
            long lo = ParquetLayout.startMs(m);
            long hi = ParquetLayout.startMs(m.plusMonths(1)) - 1;
            List<SliceEntry> sources = new ArrayList<>();
            boolean offGrid = false;
            for (SliceEntry e : files) {
                if (e.key().startMs() <= hi && e.key().endMs() >= lo) {
                    sources.add(e);
                    offGrid |= e.offGrid();
                }
            }
            out.put(m, new Month(m, List.copyOf(sources), !offGrid && hi < nowMs && sealed(manifest, byKey, lo, hi)));
        }
        return out;
    }

    static SliceLineage lineageOf(SliceEntry e) {
        return new SliceLineage(e.id().hex(), e.key().canonical(), sha(e));
    }

    /** A source's data checksum as a lineage carries it ({@code ""} for none). */
    static String sha(SliceEntry e) {
        String sha = e.file().dataSha256();
        return sha == null ? "" : sha;
    }

    private static boolean sealed(Manifest manifest, Map<SliceKey, SliceEntry> byKey, long lo, long hi) {
        if (manifest.gridAnchor().isEmpty()) {
            return false;
        }
        long anchor = manifest.gridAnchor().getAsLong();
        long from = Math.max(lo, anchor);
        if (from > hi) {
            return true;
        }
        for (SliceKey k : manifest.series().grid(anchor).covering(from, hi)) {
            SliceEntry e = byKey.get(k);
            if (e == null || !e.hasFile() || !(e.status() == SliceStatus.COMPLETE || e.status() == SliceStatus.EMPTY)) {
                return false;
            }
        }
        return true;
    }
}
