package io.qlir.ops.dataset;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How study and pipeline results land on disk: exact CSV and atomic writes.
 *
 * <p>Why not Tablesaw's CSV writer: results must round-trip exactly, so decimals are written with
 * {@link Double#toString(double)} (shortest exact form), and a missing value (NaN, a missing integer or boolean) is
 * an empty field. Every write goes to a temp file that is renamed over the target, so a reader never sees half a
 * file.
 * <pre>{@code
 * TableFiles.writeCsv(result.summary(), outDir.resolve("summary.csv"));
 * }</pre>
 */
public final class TableFiles {

    private TableFiles() {
    }

    /**
     * Writes a table as CSV (UTF-8, header line, {@code \n} line ends), atomically; parent folders are created.
     *
     * @param table the table
     * @param file the CSV file
     * @return the file
     * @throws IOException when it cannot be written
     */
    public static Path writeCsv(Table table, Path file) throws IOException {
        writeAtomically(file, csv(table).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /**
     * A table as CSV text, in the format of {@link #writeCsv(Table, Path)}.
     *
     * @param table the table
     * @return the CSV text
     */
    public static String csv(Table table) {
        StringWriter out = new StringWriter();
        for (int c = 0; c < table.columnCount(); c++) {
            out.append(c == 0 ? "" : ",").append(field(table.column(c).name()));
        }
        out.append('\n');
        for (int r = 0; r < table.rowCount(); r++) {
            for (int c = 0; c < table.columnCount(); c++) {
                out.append(c == 0 ? "" : ",").append(value(table.column(c), r));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Writes bytes to a file through a temp file in the same folder that is synced and then renamed over the target
     * (atomically where the file system supports it); parent folders are created.
     *
     * @param file the target
     * @param bytes the content
     * @throws IOException when it cannot be written
     */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        // Not Files.createTempFile: its files are owner-only (0600); results should get the usual permissions.
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE)) {
                var buf = java.nio.ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String value(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return "";
        }
        if (c instanceof DoubleColumn d) {
            double v = d.getDouble(row);
            return Double.isFinite(v) ? Double.toString(v) : "";
        }
        if (c instanceof FloatColumn f) {
            return Double.toString(f.getDouble(row));
        }
        if (c instanceof LongColumn l) {
            return Long.toString(l.getLong(row));
        }
        if (c instanceof NumberColumn<?, ?> n) {
            return Long.toString((long) n.getDouble(row));
        }
        if (c instanceof BooleanColumn b) {
            return Boolean.toString(b.get(row));
        }
        return field(c.getString(row));
    }

    private static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
