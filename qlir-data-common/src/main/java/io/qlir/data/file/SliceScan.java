package io.qlir.data.file;

import io.qlir.data.slice.RowSummary;
import java.nio.file.Path;

/**
 * The result of reading a slice file for checking: parsed, or unreadable for a known reason.
 *
 * <p>Produced by {@link SliceFile#scan}, which reads the meta, every row's open time and the data array's SHA-256
 * in one streaming pass without building a tree per row. Callers decide what a parsed file means for their
 * directory (right slice? hash matches?); an unreadable one is quarantined by the store and reported by the
 * validator.
 * <pre>{@code
 * SliceScan scan = SliceFile.scan(path, RowFormat.OPEN_TIME_FIRST);
 * if (scan instanceof SliceScan.Unreadable u) quarantine(path, u.problem() + ": " + u.message());
 * }</pre>
 */
public sealed interface SliceScan permits SliceScan.Parsed, SliceScan.Unreadable {

    /**
     * The file that was read.
     *
     * @return its path
     */
    Path file();

    /**
     * The file's size.
     *
     * @return bytes
     */
    long size();

    /** Why a file could not be read as a slice file. */
    enum Problem {
        /** The file is empty (a crash before any byte reached the disk, or a truncation to zero). */
        ZERO_BYTE,
        /** The JSON ends early (a truncated file). */
        TRUNCATED,
        /** The bytes are not the JSON of a slice file. */
        MALFORMED,
        /** The {@code meta} object is missing or names no valid slice. */
        BAD_META,
        /** The {@code data} array is missing or holds a row without an open time. */
        BAD_ROWS
    }

    /**
     * A file that parsed.
     *
     * @param file the file
     * @param size its size in bytes
     * @param meta its meta
     * @param openTimes every row's open time, in file order (a copy is returned)
     * @param computedSha256 the SHA-256 of the data array's bytes as found in the file (lowercase hex)
     */
    record Parsed(Path file, long size, SliceMeta meta, long[] openTimes, String computedSha256)
            implements SliceScan {

        /**
         * Every row's open time, in file order.
         *
         * @return a copy of the open times
         */
        @Override
        public long[] openTimes() {
            return openTimes.clone();
        }

        /**
         * How many rows the file holds.
         *
         * @return the row count
         */
        public int rowCount() {
            return openTimes.length;
        }

        /**
         * The open times measured against the slice the meta declares.
         *
         * @return the summary the status policy works on
         */
        public RowSummary summary() {
            return RowSummary.of(meta.key(), openTimes);
        }
    }

    /**
     * A file that could not be read as a slice file.
     *
     * @param file the file
     * @param size its size in bytes
     * @param problem what kind of damage
     * @param message what the reader found, for logs and {@code .reason} files
     */
    record Unreadable(Path file, long size, Problem problem, String message) implements SliceScan {
    }
}
