package io.qlir.parquet;

import io.qlir.binance.load.CandleLoader;
import io.qlir.core.Candles;
import io.qlir.data.manifest.Manifest;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.SliceReader;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.slice.SliceId;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.validate.Rule;
import io.qlir.data.validate.Severity;
import io.qlir.data.validate.ValidationMode;
import io.qlir.data.validate.ValidationReport;
import io.qlir.data.validate.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.Table;

/**
 * The validator's checks of a series' Parquet months against its slices ({@link Rule#DERIVED_DATASET}):
 * <ul>
 *   <li>ERROR: a month file that cannot be read, whose lineage names slices this series does not have (or an id
 *       that is not its key's), or, in deep mode, whose rows differ from what its slices load as;</li>
 *   <li>WARNING: a month that is stale (its slices were refetched or added since it was written), or missing
 *       although its slices are complete (only for a series that has a dataset at all).</li>
 * </ul>
 * The store's validator stays venue-agnostic and Parquet-free; the CLI adds these findings to its report.
 * <pre>{@code
 * ValidationReport r = DatasetChecks.extend(ManifestValidator.validate(dataRoot, series, mode), dataRoot, series,
 *         Clock.systemUTC());
 * }</pre>
 */
public final class DatasetChecks {

    private DatasetChecks() {
    }

    /**
     * A validation report with the dataset's findings for the series added (unchanged when it has no dataset).
     *
     * @param report the store validator's report of the series' slice directory
     * @param dataRoot the data root
     * @param series the series
     * @param clock "now", which decides which months are over
     * @return the report with the dataset's violations appended
     */
    public static ValidationReport extend(ValidationReport report, Path dataRoot, SliceSeries series, Clock clock) {
        List<Violation> found = check(dataRoot, series, clock, report.mode() == ValidationMode.DEEP);
        if (found.isEmpty()) {
            return report;
        }
        List<Violation> all = new ArrayList<>(report.violations());
        all.addAll(found);
        return new ValidationReport(report.directory(), report.mode(), report.summary(), report.filesRead(),
                report.rowsRead(), report.elapsed(), all);
    }

    /**
     * The dataset's findings for one series.
     *
     * @param dataRoot the data root
     * @param series the series
     * @param clock "now"
     * @param deep true to also compare every month's rows with its slices (reads them all)
     * @return the violations, in month order; empty when the series has no dataset or it agrees
     */
    public static List<Violation> check(Path dataRoot, SliceSeries series, Clock clock, boolean deep) {
        List<Violation> out = new ArrayList<>();
        Path dir = ParquetLayout.seriesDirectory(dataRoot, series);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        Manifest manifest;
        try {
            manifest = SliceReader.open(dataRoot, series).manifest();
        } catch (IOException e) {
            return out; // the store's own checks report an unreadable slice directory
        }
        TreeMap<YearMonth, SeriesMonths.Month> expected = SeriesMonths.of(manifest, clock.millis());
        Map<String, SliceEntry> byKey = new HashMap<>();
        for (SliceEntry e : manifest.fileBacked()) {
            byKey.put(e.key().canonical(), e);
        }
        TreeMap<YearMonth, Path> present = new TreeMap<>();
        try {
            for (Path m : MonthFolders.list(dir)) {
                YearMonth month = MonthFolders.month(m);
                Path f = m.resolve(ParquetLayout.FILE_NAME);
                if (month != null && Files.isRegularFile(f)) {
                    present.put(month, f);
                }
            }
        } catch (IOException e) {
            out.add(error(null, "the dataset folder " + dir + " cannot be listed: " + e.getMessage(), Map.of()));
            return out;
        }
        for (Map.Entry<YearMonth, Path> p : present.entrySet()) {
            checkMonth(dataRoot, series, clock, deep, p.getValue(), expected.get(p.getKey()), byKey, out);
        }
        for (SeriesMonths.Month m : expected.values()) {
            if (m.sealed() && !present.containsKey(m.month())) {
                out.add(new Violation(Rule.DERIVED_DATASET, Severity.WARNING, null, "month " + m.month()
                        + " has complete slices but no Parquet file; run qlir agg", details(m.month(), null)));
            }
        }
        return out;
    }

    private static void checkMonth(Path dataRoot, SliceSeries series, Clock clock, boolean deep, Path file,
                                   SeriesMonths.Month expected, Map<String, SliceEntry> byKey, List<Violation> out) {
        YearMonth month = MonthFolders.month(file.getParent());
        MonthFile f;
        try {
            f = MonthFile.read(file);
        } catch (IOException e) {
            out.add(error(month, e.getMessage(), details(month, file)));
            return;
        }
        for (SliceLineage l : f.lineage()) {
            String problem = lineageProblem(series, l, byKey);
            if (problem != null) {
                out.add(error(month, "lineage of " + month + " disagrees with the slices: " + problem,
                        details(month, file)));
                return;
            }
        }
        if (expected == null) {
            out.add(error(month, "month " + month + " has a Parquet file but no slice holds a candle in it",
                    details(month, file)));
            return;
        }
        if (!f.lineage().equals(expected.lineage()) || f.sealed() != expected.sealed()) {
            out.add(new Violation(Rule.DERIVED_DATASET, Severity.WARNING, null, "month " + month + " is stale: its"
                    + " slices changed since it was written (a refetch or new candles); run qlir agg",
                    details(month, file)));
            return;
        }
        if (deep) {
            String diff = rowsDiffer(dataRoot, series, clock, expected, file);
            if (diff != null) {
                out.add(error(month, "rows of " + month + " disagree with its slices: " + diff, details(month, file)));
            }
        }
    }

    private static String lineageProblem(SliceSeries series, SliceLineage l, Map<String, SliceEntry> byKey) {
        SliceKey key;
        try {
            key = SliceKey.parse(l.key());
        } catch (IllegalArgumentException e) {
            return "'" + l.key() + "' is not a slice key";
        }
        if (!series.contains(key)) {
            return l.key() + " is not a slice of " + series;
        }
        if (!SliceId.of(key).hex().equals(l.sliceId())) {
            return "slice id " + l.sliceId() + " is not the id of " + l.key();
        }
        return byKey.containsKey(l.key()) ? null : l.key() + " has no slice file";
    }

    /** Null when the month file holds exactly the candles its slices load as; else the first difference. */
    private static String rowsDiffer(Path dataRoot, SliceSeries series, Clock clock, SeriesMonths.Month m,
                                     Path file) {
        Table json;
        Table parquet;
        try {
            json = CandleLoader.of(dataRoot, series).clock(clock).dataset(false)
                    .between(Instant.ofEpochMilli(m.startMs()), Instant.ofEpochMilli(m.endExclusiveMs() - 1))
                    .load().candles();
            parquet = ParquetDataset.readMonth(file);
        } catch (IOException | RuntimeException e) {
            return "cannot compare: " + e.getMessage();
        }
        if (json.rowCount() != parquet.rowCount()) {
            return parquet.rowCount() + " rows in the file, " + json.rowCount() + " from the slices";
        }
        for (String c : Candles.COLUMNS) {
            for (int i = 0; i < json.rowCount(); i++) {
                Object a = parquet.column(c).get(i);
                Object b = json.column(c).get(i);
                if (!a.equals(b)) {
                    return c + " of row " + i + " is " + a + " in the file, " + b + " in the slices";
                }
            }
        }
        return null;
    }

    private static Violation error(YearMonth month, String message, Map<String, Object> details) {
        return new Violation(Rule.DERIVED_DATASET, Severity.ERROR, null, message, details);
    }

    private static Map<String, Object> details(YearMonth month, Path file) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (month != null) {
            d.put("month", month.toString());
        }
        if (file != null) {
            d.put("file", file.toString());
        }
        return d;
    }
}
