package io.qlir.binance.load;

import io.qlir.data.manifest.Manifest;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.slice.SliceStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loader's side of {@link StoredMonths}: finds the implementations once, and keeps only the months it can
 * prove equal to the slice files (see {@link StoredMonths} for the rule).
 */
final class DatasetMonths {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetMonths.class);
    private static final List<StoredMonths> SERVICES = load();

    private DatasetMonths() {
    }

    private static List<StoredMonths> load() {
        List<StoredMonths> out = new ArrayList<>();
        ServiceLoader.load(StoredMonths.class, DatasetMonths.class.getClassLoader()).forEach(out::add);
        return List.copyOf(out);
    }

    /** The stored months over {@code [fromMs, toMs]} that equal the slice files, in time order. */
    static List<StoredMonths.Month> usable(Path dataRoot, SliceSeries series, Manifest manifest, long fromMs,
                                           long toMs, long nowMs) {
        if (SERVICES.isEmpty()) {
            return List.of();
        }
        List<StoredMonths.Month> out = new ArrayList<>();
        for (StoredMonths s : SERVICES) {
            List<StoredMonths.Month> months;
            try {
                months = s.months(dataRoot, series, fromMs, toMs);
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: stored months unavailable, reading slice files ({})", series, e.getMessage());
                continue;
            }
            for (StoredMonths.Month m : months) {
                if (m.endExclusiveMs() <= nowMs && matches(manifest, m)) {
                    out.add(m);
                }
            }
            if (!out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    private static boolean matches(Manifest manifest, StoredMonths.Month m) {
        Map<String, String> expected = new HashMap<>();
        for (SliceEntry e : manifest.fileBacked()) {
            if (e.key().startMs() < m.endExclusiveMs() && e.key().endMs() >= m.startMs()) {
                if (e.offGrid() || !e.rows().isWellFormed()
                        || !(e.status() == SliceStatus.COMPLETE || e.status() == SliceStatus.EMPTY)) {
                    return false;
                }
                String sha = e.file().dataSha256();
                expected.put(e.key().canonical(), sha == null ? "" : sha);
            }
        }
        return !expected.isEmpty() && expected.equals(m.lineage());
    }
}
