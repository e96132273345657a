package io.qlir.ops.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qlir.ops.dataset.DatasetFingerprint;
import io.qlir.ops.dataset.TableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The result of the SMA direction-persistence study: for every window and direction, the completed runs' statistics,
 * distribution and survival curve, the censored runs apart, and how the bars split by direction.
 *
 * <p>Read it as objects ({@link #stats(int, Direction)}) or as tables, one row per window and direction (and per
 * length for the curves): {@link #summary()}, {@link #distribution()}, {@link #survival()}, {@link #censored()},
 * {@link #bars()}. {@link #writeTo(Path, DatasetFingerprint)} writes them all as CSV with the study's settings and
 * the dataset's fingerprint beside them. Immutable.
 * <pre>{@code
 * SmaPersistence r = Studies.smaPersistence(candles, "close", 5, 10, 20);
 * r.stats(20, Direction.UP).median();
 * r.writeTo(Path.of("out/sma"), DatasetFingerprint.of(candles));
 * }</pre>
 */
public final class SmaPersistence {

    /** The file names {@link #writeTo(Path, DatasetFingerprint)} writes, in order. */
    public static final List<String> FILES = List.of("summary.csv", "distribution.csv", "survival.csv",
            "censored.csv", "bars.csv", "study.json", "fingerprint.json");

    private final SmaPersistenceOptions options;
    private final int rowCount;
    private final Map<Integer, RunScanner.Result> byWindow;

    SmaPersistence(SmaPersistenceOptions options, int rowCount, Map<Integer, RunScanner.Result> byWindow) {
        this.options = options;
        this.rowCount = rowCount;
        this.byWindow = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byWindow));
    }

    /**
     * The settings the study ran with.
     *
     * @return the options
     */
    public SmaPersistenceOptions options() {
        return options;
    }

    /**
     * The number of rows of the input table.
     *
     * @return the row count
     */
    public int rowCount() {
        return rowCount;
    }

    /**
     * The windows, in the order of the options.
     *
     * @return the windows
     */
    public List<Integer> windows() {
        return options.windows();
    }

    /**
     * The runs of one window in one direction.
     *
     * @param window one of {@link #windows()}
     * @param direction up or down
     * @return the statistics
     * @throws IllegalArgumentException naming the window and listing the study's windows when it was not studied
     */
    public RunStats stats(int window, Direction direction) {
        RunScanner.Result r = result(window);
        return direction == Direction.UP ? r.up() : r.down();
    }

    /**
     * How the bars of one window split by direction.
     *
     * @param window one of {@link #windows()}
     * @return the bar counts
     * @throws IllegalArgumentException when the window was not studied
     */
    public WindowBars bars(int window) {
        return result(window).bars();
    }

    /**
     * One row per window and direction: {@code window, direction, runs, censored_runs, mean, median, p90, max}
     * (statistics over completed runs; mean/median/p90 empty and max missing when there is none).
     *
     * @return a new table
     */
    public Table summary() {
        return StudyTables.summary(byWindow.values());
    }

    /**
     * The run-length distribution: {@code window, direction, length, count, share} for every length from 1 to the
     * longest completed run (lengths never seen have count 0), share of the completed runs.
     *
     * @return a new table
     */
    public Table distribution() {
        return StudyTables.distribution(byWindow.values());
    }

    /**
     * The survival curve over completed runs: {@code window, direction, n, runs_at_least, survival} with
     * {@code survival = P(run >= n)} for n from 1 to the longest run.
     *
     * @return a new table
     */
    public Table survival() {
        return StudyTables.survival(byWindow.values());
    }

    /**
     * The censored runs: {@code window, direction, censoring, start_row, length}.
     *
     * @return a new table
     */
    public Table censored() {
        return StudyTables.censored(byWindow.values());
    }

    /**
     * Bars by direction per window: {@code window, first_defined_row, defined_bars, up_bars, down_bars, flat_bars}.
     *
     * @return a new table
     */
    public Table bars() {
        return StudyTables.bars(byWindow.values());
    }

    /**
     * Every result table by its file stem: {@code summary, distribution, survival, censored, bars}.
     *
     * @return the tables, in that order
     */
    public Map<String, Table> tables() {
        Map<String, Table> out = new LinkedHashMap<>();
        out.put("summary", summary());
        out.put("distribution", distribution());
        out.put("survival", survival());
        out.put("censored", censored());
        out.put("bars", bars());
        return out;
    }

    /**
     * Writes every table as {@code <stem>.csv}, the study's settings as {@code study.json} and the dataset's
     * fingerprint as {@code fingerprint.json} into a folder (created if needed; files there are replaced).
     *
     * @param dir the output folder
     * @param fingerprint what the study was computed from
     * @return the files written, in the order of {@link #FILES}
     * @throws IOException when a file cannot be written
     */
    public List<Path> writeTo(Path dir, DatasetFingerprint fingerprint) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Table> e : tables().entrySet()) {
            written.add(TableFiles.writeCsv(e.getValue(), dir.resolve(e.getKey() + ".csv")));
        }
        Path study = dir.resolve("study.json");
        TableFiles.writeAtomically(study, studyJson().getBytes(StandardCharsets.UTF_8));
        written.add(study);
        written.add(fingerprint.write(dir.resolve("fingerprint.json")));
        return written;
    }

    /**
     * The study's settings as JSON: {@code study, column, windows, decimals} (null for no rounding),
     * {@code rows}.
     *
     * @return the JSON text
     */
    public String studyJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode n = mapper.createObjectNode();
        n.put("study", "sma_persistence");
        n.put("column", options.column());
        ArrayNode ws = n.putArray("windows");
        options.windows().forEach(ws::add);
        if (options.decimals().isPresent()) {
            n.put("decimals", options.decimals().getAsInt());
        } else {
            n.putNull("decimals");
        }
        n.put("rows", rowCount);
        try {
            return mapper.writeValueAsString(n) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private RunScanner.Result result(int window) {
        RunScanner.Result r = byWindow.get(window);
        if (r == null) {
            throw new IllegalArgumentException("window " + window + " was not studied; windows: " + windows());
        }
        return r;
    }

    @Override
    public String toString() {
        return "SmaPersistence[" + options.column() + ", windows " + windows() + ", " + rowCount + " rows]";
    }
}
