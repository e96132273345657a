package io.qlir.data.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.data.file.SliceFileParser.Defect;
import io.qlir.data.file.SliceFileParser.Rows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One slice file, {@code responses/<slice_id>.json} = {@code {"meta": {...}, "data": [raw rows]}}.
 *
 * <p>The rows are kept exactly as the venue sent them (as Jackson nodes: numbers stay numbers, price strings stay
 * strings). {@link #write} writes the meta on the first line and one row per line, atomically, and records in the
 * meta {@code data_sha256}: the SHA-256 of the data array's exact bytes in the file, from its opening {@code [} to
 * its closing {@code ]} inclusive. {@link #read} is for loaders, {@link #readMeta} reads only the meta, and
 * {@link #scan} is for checkers: meta, open times and the hash in one streaming pass.
 * <pre>{@code
 * SliceFile f = SliceFile.read(dir.resolve("responses").resolve(key.id().fileName()));
 * Table candles = Candles.fromRawRows(f.rowsAsLists());
 * }</pre>
 *
 * @param meta the file's meta
 * @param rows the raw rows, in file order (do not modify: a shared tree)
 */
public record SliceFile(SliceMeta meta, ArrayNode rows) {

    private static final byte[] ROW_SEPARATOR = ",\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * Checks both parts are present.
     *
     * @param meta the file's meta
     * @param rows the raw rows
     * @throws NullPointerException when either is null
     */
    public SliceFile {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(rows, "rows");
    }

    /**
     * Reads a slice file completely.
     *
     * @param file the file
     * @param format where the rows keep their open time (to check every row has one)
     * @return meta and rows
     * @throws SliceFileException when the file is not a readable slice file (names the file and the damage)
     * @throws IOException when the file cannot be read
     */
    public static SliceFile read(Path file, RowFormat format) throws IOException {
        return parse(Files.readAllBytes(file), file, format);
    }

    /**
     * Parses a slice file already read into memory (from a store that is not the local disk).
     *
     * @param bytes the file's content
     * @param file the file, for messages
     * @param format where the rows keep their open time
     * @return meta and rows
     * @throws SliceFileException when the bytes are not a readable slice file
     */
    public static SliceFile parse(byte[] bytes, Path file, RowFormat format) throws SliceFileException {
        try {
            SliceFileParser.Result r = SliceFileParser.parse(bytes, format, Rows.TREE);
            return new SliceFile(r.meta(), r.rows());
        } catch (Defect d) {
            throw new SliceFileException(file, d.problem, d.getMessage());
        }
    }

    /**
     * Reads a slice file of rows whose open time comes first ({@link RowFormat#OPEN_TIME_FIRST}).
     *
     * @param file the file
     * @return meta and rows
     * @throws SliceFileException when the file is not a readable slice file
     * @throws IOException when the file cannot be read
     */
    public static SliceFile read(Path file) throws IOException {
        return read(file, RowFormat.OPEN_TIME_FIRST);
    }

    /**
     * Reads only the meta of a slice file (the rows are skipped, not parsed).
     *
     * @param file the file
     * @return its meta
     * @throws SliceFileException when the file is not a readable slice file
     * @throws IOException when the file cannot be read
     */
    public static SliceMeta readMeta(Path file) throws IOException {
        return parseMeta(Files.readAllBytes(file), file);
    }

    /**
     * Parses only the meta of a slice file already read into memory.
     *
     * @param bytes the file's content
     * @param file the file, for messages
     * @return its meta
     * @throws SliceFileException when the bytes are not a readable slice file
     */
    public static SliceMeta parseMeta(byte[] bytes, Path file) throws SliceFileException {
        try {
            return SliceFileParser.parse(bytes, RowFormat.OPEN_TIME_FIRST, Rows.SKIP).meta();
        } catch (Defect d) {
            throw new SliceFileException(file, d.problem, d.getMessage());
        }
    }

    /**
     * Reads a file for checking: meta, every open time and the data hash; damage is a result, not an exception.
     *
     * @param file the file
     * @param format where the rows keep their open time
     * @return parsed, or unreadable with the kind of damage
     * @throws IOException only when the file cannot be read at all (gone, no permission)
     */
    public static SliceScan scan(Path file, RowFormat format) throws IOException {
        return scan(Files.readAllBytes(file), file, format);
    }

    /**
     * Checks a slice file already read into memory (see {@link #scan(Path, RowFormat)}).
     *
     * @param bytes the file's content
     * @param file the file, for messages
     * @param format where the rows keep their open time
     * @return parsed, or unreadable with the kind of damage
     */
    public static SliceScan scan(byte[] bytes, Path file, RowFormat format) {
        try {
            SliceFileParser.Result r = SliceFileParser.parse(bytes, format, Rows.OPEN_TIMES);
            return new SliceScan.Parsed(file, bytes.length, r.meta(), r.openTimes(),
                    dataSha256(bytes, r.dataStart(), r.dataEnd()));
        } catch (Defect d) {
            return new SliceScan.Unreadable(file, bytes.length, d.problem, d.getMessage());
        }
    }

    /**
     * The {@code data_sha256} of a slice file: the SHA-256 of the data array's exact bytes, from its opening {@code [}
     * to its closing {@code ]}, as lowercase hex. The one definition of the hash, for anyone who reads the bytes
     * themselves (the loader streams files and hashes the span it parsed).
     *
     * <pre>{@code
     * String sha = SliceFile.dataSha256(fileBytes, dataStart, dataEnd);
     * }</pre>
     *
     * @param bytes the file's bytes
     * @param from the index of the data array's {@code [}
     * @param to the index just past its {@code ]}
     * @return the hash, lowercase hex
     */
    public static String dataSha256(byte[] bytes, int from, int to) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes, from, to - from);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Writes a slice file atomically (see {@link AtomicFiles}) and returns the meta as written, with its hash.
     *
     * @param file the target, normally {@code responses/<slice_id>.json}
     * @param meta the meta (its {@code dataSha256} is replaced by the hash of the bytes written)
     * @param rows the raw rows, in the order received
     * @return the meta as written
     * @throws IllegalArgumentException when the meta's row count disagrees with the rows
     * @throws IOException when the write fails (the old file, if any, is then unchanged)
     */
    public static SliceMeta write(Path file, SliceMeta meta, ArrayNode rows) throws IOException {
        if (meta.nItems() == null || meta.nItems() != rows.size()) {
            throw new IllegalArgumentException("meta of " + meta.key() + " says n_items=" + meta.nItems() + " but "
                    + rows.size() + " rows are given; valid: the row count");
        }
        byte[] data = dataBytes(rows);
        SliceMeta written = meta.withDataSha256(dataSha256(data, 0, data.length));
        ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = Json.FACTORY.createGenerator(head)) {
            g.writeRaw("{\"meta\":");
            MetaCodec.write(g, written);
            g.writeRaw(",\"data\":");
        }
        AtomicFiles.write(file, out -> {
            head.writeTo(out);
            out.write(data);
            out.write('}');
            out.write('\n');
        });
        return written;
    }

    private static byte[] dataBytes(ArrayNode rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(2, rows.size() * 160));
        out.write('[');
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            for (int i = 0; i < rows.size(); i++) {
                g.flush();
                out.write(i == 0 ? new byte[] {'\n'} : ROW_SEPARATOR);
                g.writeTree(rows.get(i));
            }
            g.flush();
        }
        if (!rows.isEmpty()) {
            out.write('\n');
        }
        out.write(']');
        return out.toByteArray();
    }

    /**
     * The rows as plain lists (integers as {@code Long}, decimals as {@code Double}, text as {@code String}), the
     * shape {@code Candles.fromRawRows} takes.
     *
     * @return a new list of unmodifiable row lists
     */
    public List<List<Object>> rowsAsLists() {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            List<Object> values = new ArrayList<>(row.size());
            for (JsonNode v : row) {
                values.add(scalar(v));
            }
            out.add(Collections.unmodifiableList(values));
        }
        return out;
    }

    private static Object scalar(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
