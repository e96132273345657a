package io.qlir.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.data.QlirBuildVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a month file says about itself, from its footer alone: rows, whether its month was sealed when written,
 * the qlir version and the lineage. The dataset's state is rebuilt from these, like the slice manifest from the
 * slice files.
 * <pre>{@code
 * MonthFile f = MonthFile.read(ParquetLayout.monthFile(root, series, YearMonth.of(2024, 1)));
 * f.lineage().size();   // the slices the month was made from
 * }</pre>
 *
 * @param file the file
 * @param month its month (from the folder name)
 * @param rows its row count
 * @param sealed true when every slice the month covers was complete when it was written
 * @param qlirVersion the qlir version that wrote it
 * @param series the slice series it was made from ({@code SliceSeries.toString()})
 * @param lineage the slices it was made from, in time order
 * @param layout the page layout it was written with ({@code delta-zstd}; {@code plain-zstd} for files of the
 *     PLAIN-only build; empty for files of the first build, whose BYTE_STREAM_SPLIT doubles Spark cannot read)
 */
public record MonthFile(Path file, YearMonth month, long rows, boolean sealed, String qlirVersion, String series,
                        List<SliceLineage> lineage, String layout) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Copies the lineage.
     *
     * @param file the file
     * @param month the month
     * @param rows the row count
     * @param sealed whether the month was sealed
     * @param qlirVersion the writer's version
     * @param series the slice series
     * @param lineage the slices
     * @param layout the page layout
     */
    public MonthFile {
        lineage = List.copyOf(lineage);
    }

    /**
     * Reads a month file's footer.
     *
     * @param file a month file ({@code .../month=<YYYY-MM>/candles.parquet})
     * @return what it says about itself
     * @throws IOException when it cannot be read, is not Parquet, or carries no qlir lineage (the message names
     *     the file)
     */
    public static MonthFile read(Path file) throws IOException {
        MonthReader.Footer footer;
        try {
            footer = MonthReader.footer(file);
        } catch (IOException | RuntimeException e) {
            throw new IOException("Parquet file " + file + " cannot be read (" + e.getMessage() + ")", e);
        }
        return of(file, footer.metadata(), footer.rows());
    }

    static MonthFile of(Path file, Map<String, String> meta, long rows) throws IOException {
        String lineage = meta.get(CandleSchema.KEY_LINEAGE);
        if (lineage == null) {
            throw new IOException("Parquet file " + file + " has no " + CandleSchema.KEY_LINEAGE
                    + " metadata; valid: a month file written by qlir agg");
        }
        List<SliceLineage> out = new ArrayList<>();
        try {
            for (JsonNode n : JSON.readTree(lineage)) {
                out.add(new SliceLineage(n.path("slice_id").asText(), n.path("key").asText(),
                        n.path("data_sha256").asText()));
            }
        } catch (IOException e) {
            throw new IOException("Parquet file " + file + ": " + CandleSchema.KEY_LINEAGE + " is not a JSON array ("
                    + e.getMessage() + ")", e);
        }
        return new MonthFile(file, monthOfFolder(file), rows, "true".equals(meta.get(CandleSchema.KEY_SEALED)),
                meta.getOrDefault(CandleSchema.KEY_VERSION, "unknown"), meta.getOrDefault(CandleSchema.KEY_SERIES, ""),
                out, meta.getOrDefault(CandleSchema.KEY_LAYOUT, ""));
    }

    private static YearMonth monthOfFolder(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        YearMonth m = parent == null ? null : MonthFolders.month(parent);
        if (m == null) {
            throw new IOException("Parquet file " + file + " is not in a month=<YYYY-MM> folder");
        }
        return m;
    }

    /**
     * Whether the file is in the page layout this build writes; one that is not is rewritten by the next aggregation.
     *
     * @return true for {@code delta-zstd}
     */
    public boolean hasCurrentLayout() {
        return CandleSchema.LAYOUT.equals(layout);
    }

    /** The key-value metadata a month file is written with. */
    static Map<String, String> metadata(String series, boolean sealed, List<SliceLineage> lineage) {
        ArrayNode a = JSON.createArrayNode();
        for (SliceLineage l : lineage) {
            a.addObject().put("slice_id", l.sliceId()).put("key", l.key()).put("data_sha256", l.dataSha256());
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put(CandleSchema.KEY_VERSION, QlirBuildVersion.get());
        m.put(CandleSchema.KEY_LAYOUT, CandleSchema.LAYOUT);
        m.put(CandleSchema.KEY_SERIES, series);
        m.put(CandleSchema.KEY_SEALED, Boolean.toString(sealed));
        m.put(CandleSchema.KEY_LINEAGE, a.toString());
        return m;
    }
}
