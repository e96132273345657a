package io.qlir.ops.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qlir.core.Candles;
import io.qlir.core.Interval;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * What a study or pipeline result was computed from, so that the result can be traced to its data: symbol, interval,
 * endpoint, first and last open time, row count and a hash.
 *
 * <p>With a {@link DatasetSource} (filled by a loader) the hash is SHA-256 over the slice checksums in load order
 * ({@link HashBasis#SLICE_CHECKSUMS}); a table without provenance is hashed over its own columns
 * ({@link HashBasis#TABLE_CONTENT}) and its symbol, interval and endpoint are {@code null} (unknown). Two runs over
 * the same data give equal fingerprints. Written as JSON beside a result ({@link #writeBeside(Path)}):
 * <pre>{@code
 * DatasetFingerprint fp = DatasetFingerprint.of(candles, source);   // or DatasetFingerprint.of(candles)
 * fp.write(outDir.resolve("fingerprint.json"));
 * }</pre>
 *
 * @param symbol the instrument, or {@code null} when unknown
 * @param interval the candle interval, or {@code null} when unknown
 * @param endpoint the endpoint the data came from ({@code klines}), or {@code null} when unknown
 * @param firstOpenTime the first row's open time, or {@code null} for an empty table or one without {@code open_time}
 * @param lastOpenTime the last row's open time, or {@code null} for an empty table or one without {@code open_time}
 * @param rowCount the number of rows
 * @param sliceCount the number of slice checksums hashed (0 for {@link HashBasis#TABLE_CONTENT})
 * @param hashBasis what the hash covers
 * @param hash lowercase hex SHA-256
 */
public record DatasetFingerprint(String symbol, Interval interval, String endpoint, Instant firstOpenTime,
        Instant lastOpenTime, int rowCount, int sliceCount, HashBasis hashBasis, String hash) {

    /**
     * Validates the components.
     *
     * @param symbol the instrument, or {@code null} when unknown
     * @param interval the candle interval, or {@code null} when unknown
     * @param endpoint the endpoint the data came from ({@code klines}), or {@code null} when unknown
     * @param firstOpenTime the first row's open time, or {@code null} for an empty table or one without
     *     {@code open_time}
     * @param lastOpenTime the last row's open time, or {@code null} for an empty table or one without
     *     {@code open_time}
     * @param rowCount the number of rows
     * @param sliceCount the number of slice checksums hashed (0 for {@link HashBasis#TABLE_CONTENT})
     * @param hashBasis what the hash covers
     * @param hash lowercase hex SHA-256
     * @throws IllegalArgumentException when a count is negative or the hash is not 64 lowercase hex digits
     */
    public DatasetFingerprint {
        java.util.Objects.requireNonNull(hashBasis, "hashBasis");
        if (rowCount < 0 || sliceCount < 0) {
            throw new IllegalArgumentException("fingerprint counts must be >= 0, got rows=" + rowCount + ", slices="
                    + sliceCount);
        }
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("fingerprint hash must be 64 lowercase hex digits (SHA-256), got '"
                    + hash + "'");
        }
    }

    /**
     * The fingerprint of a loaded table with its provenance: the hash covers the slice checksums.
     *
     * @param table the table the result was computed from (its open times and row count are read)
     * @param source what the loader read
     * @return the fingerprint
     */
    public static DatasetFingerprint of(Table table, DatasetSource source) {
        Instant[] span = openTimeSpan(table);
        return new DatasetFingerprint(source.symbol(), source.interval(), source.endpoint(), span[0], span[1],
                table.rowCount(), source.sliceChecksums().size(), HashBasis.SLICE_CHECKSUMS,
                Hashes.ofChecksums(source.sliceChecksums()));
    }

    /**
     * The fingerprint of a table without provenance: the hash covers its column names, types and values; symbol,
     * interval and endpoint are unknown ({@code null}).
     *
     * @param table the table the result was computed from
     * @return the fingerprint
     */
    public static DatasetFingerprint of(Table table) {
        Instant[] span = openTimeSpan(table);
        return new DatasetFingerprint(null, null, null, span[0], span[1], table.rowCount(), 0,
                HashBasis.TABLE_CONTENT, Hashes.ofTable(table));
    }

    /**
     * The file a result's fingerprint goes beside: {@code <output>.fingerprint.json} in the same folder.
     *
     * @param output a result file, for example {@code out/trend.csv}
     * @return for example {@code out/trend.csv.fingerprint.json}
     */
    public static Path besideFile(Path output) {
        return output.resolveSibling(output.getFileName() + ".fingerprint.json");
    }

    /**
     * Writes this fingerprint beside a result file, as {@link #besideFile(Path)} names it.
     *
     * @param output the result file
     * @return the fingerprint file written
     * @throws IOException when it cannot be written
     */
    public Path writeBeside(Path output) throws IOException {
        return write(besideFile(output));
    }

    /**
     * Writes this fingerprint as JSON, atomically (a temp file renamed over the target).
     *
     * @param file the JSON file
     * @return the file
     * @throws IOException when it cannot be written
     */
    public Path write(Path file) throws IOException {
        TableFiles.writeAtomically(file, toJson().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /**
     * Reads a fingerprint written by {@link #write(Path)}.
     *
     * @param file the JSON file
     * @return the fingerprint
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and the field when it is not a fingerprint
     */
    public static DatasetFingerprint read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return fromJsonNode(FingerprintJson.MAPPER.readTree(text));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("fingerprint file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    /**
     * The JSON text (pretty-printed, snake_case fields, times as ISO-8601 and epoch millis).
     *
     * @return the JSON
     */
    public String toJson() {
        return FingerprintJson.text(toJsonNode());
    }

    /**
     * The JSON tree, for embedding in another document (a pipeline spec's last run).
     *
     * @return a new JSON object
     */
    public ObjectNode toJsonNode() {
        return FingerprintJson.toNode(this);
    }

    /**
     * Reads a fingerprint from a JSON tree made by {@link #toJsonNode()}.
     *
     * @param node the JSON object
     * @return the fingerprint
     * @throws IllegalArgumentException naming the field that is missing or invalid
     */
    public static DatasetFingerprint fromJsonNode(JsonNode node) {
        return FingerprintJson.fromNode(node);
    }

    /**
     * One line for logs and the CLI, for example
     * {@code BTCUSDT 1m klines 2024-01-01T00:00:00Z .. 2024-01-31T23:59:00Z, 44640 rows, slices 3f2a9c01}.
     *
     * @return the description
     */
    public String describe() {
        String what = symbol == null ? "table" : symbol + " " + (interval == null ? "?" : interval.wireCode()) + " "
                + endpoint;
        String span = firstOpenTime == null ? "no open times" : firstOpenTime + " .. " + lastOpenTime;
        return what + " " + span + ", " + rowCount + " rows, " + hashBasis.wireCode() + " " + hash.substring(0, 8);
    }

    private static Instant[] openTimeSpan(Table table) {
        if (table.rowCount() == 0 || !table.containsColumn(Candles.OPEN_TIME)
                || !(table.column(Candles.OPEN_TIME) instanceof LongColumn times)) {
            return new Instant[2];
        }
        return new Instant[] {Instant.ofEpochMilli(times.getLong(0)),
            Instant.ofEpochMilli(times.getLong(table.rowCount() - 1))};
    }
}
