package io.qlir.parquet;

import io.qlir.binance.load.StoredMonths;
import io.qlir.data.manifest.SliceSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * The loader's fast path: offers the dataset's sealed months to {@code CandleLoader} through the
 * {@link StoredMonths} service (registered in {@code META-INF/services}), so {@code Binance.load} and every reader
 * take sealed months from Parquet once qlir-parquet is on the class path. The loader checks each month's lineage
 * against its own manifest before using it. Only sealed months are offered; the current month always comes from
 * the slice files.
 * <pre>{@code
 * // nothing to call: with qlir-parquet on the class path, Binance.load(...) uses the dataset
 * }</pre>
 */
public final class ParquetStoredMonths implements StoredMonths {

    private static final Logger LOG = LoggerFactory.getLogger(ParquetStoredMonths.class);

    /** Made by {@link java.util.ServiceLoader}. */
    public ParquetStoredMonths() {
    }

    @Override
    public List<Month> months(Path dataRoot, SliceSeries series, long fromMs, long toMs) throws IOException {
        List<Month> out = new ArrayList<>();
        Path dir = ParquetLayout.seriesDirectory(dataRoot, series);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        YearMonth last = ParquetLayout.monthOf(toMs);
        for (YearMonth m = ParquetLayout.monthOf(fromMs); !m.isAfter(last); m = m.plusMonths(1)) {
            Path file = ParquetLayout.monthFile(dataRoot, series, m);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            MonthFile f;
            try {
                f = MonthFile.read(file);
            } catch (IOException e) {
                LOG.warn("{}: {}; reading its slice files instead", file, e.getMessage());
                continue;
            }
            if (f.sealed()) {
                out.add(new Stored(f));
            }
        }
        return out;
    }

    /** A sealed month file as the loader sees it. */
    private record Stored(MonthFile file) implements Month {
        @Override
        public long startMs() {
            return ParquetLayout.startMs(file.month());
        }

        @Override
        public long endExclusiveMs() {
            return ParquetLayout.startMs(file.month().plusMonths(1));
        }

        @Override
        public Map<String, String> lineage() {
            Map<String, String> out = new LinkedHashMap<>();
            for (SliceLineage l : file.lineage()) {
                out.put(l.key(), l.dataSha256());
            }
            return out;
        }

        @Override
        public Table read() throws IOException {
            return ParquetDataset.readMonth(file.file());
        }
    }
}
