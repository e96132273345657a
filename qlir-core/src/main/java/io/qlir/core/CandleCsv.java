package io.qlir.core;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads candles from any OHLCV CSV: qlir's own export, a Yahoo download, a ccxt dump, a vendor's file.
 *
 * <p>Headers match case-insensitively, with the names other tools use ({@code Date}, {@code timestamp},
 * {@code time}, {@code open_time}; {@code Open}/{@code High}/{@code Low}/{@code Close}; {@code Volume};
 * {@code quote_asset_volume}, {@code number_of_trades}, ...). Only a time column is required: the table gets
 * {@code open_time} and the candle columns the file has, nothing zero-filled, so an op that reads a column the file
 * lacks fails naming the op and the column. {@code Adj Close} is ignored unless {@link Builder#adjustedClose(boolean)}
 * asks for it (then it becomes the column {@code adj_close}). Times may be ISO-8601 dates or date-times, or epoch
 * seconds, millis, micros or nanos ({@link CandleTimeFormat}: detected, and stated by {@link CandleCsvRead#describe()}).
 * Fields are separated by {@code ,}, {@code ;} or a tab (found from the header), may be quoted, lines may end in
 * CRLF, and a UTF-8 BOM is skipped.
 *
 * <p>Rows must be sorted by time without duplicates (the first offending row is named); gaps are reported in the
 * result, never filled. Prices and volumes are decimals (in a {@code ;}-separated file a decimal comma is read too),
 * an empty field, {@code NaN} or {@code null} is NaN, and a value that is not finite ({@code inf}, {@code -Infinity},
 * {@code 1e400}) is refused.
 * <pre>{@code
 * CandleCsvRead r = CandleCsv.standard().read(Path.of("AAPL.csv"));
 * Table candles = r.candles();
 * CandleCsv yahoo = CandleCsv.builder().adjustedClose(true).build();     // also read Adj Close as adj_close
 * CandleCsv odd = CandleCsv.builder().column("close", "last_px").build(); // a header no alias knows
 * }</pre>
 */
public final class CandleCsv {

    private static final int HEADER_PEEK_CHARS = 1 << 16;
    private static final CandleCsv STANDARD = builder().build();

    private final Map<String, String> explicit;
    private final boolean adjustedClose;
    private final CandleTimeFormat timeFormat;

    private CandleCsv(Builder b) {
        this.explicit = Map.copyOf(b.explicit);
        this.adjustedClose = b.adjustedClose;
        this.timeFormat = b.timeFormat;
    }

    /**
     * The reader with every default: aliases, detection, {@code Adj Close} ignored.
     *
     * @return the standard reader
     */
    public static CandleCsv standard() {
        return STANDARD;
    }

    /**
     * A builder for a reader with explicit choices.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this reader's choices.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.explicit.putAll(explicit);
        b.adjustedClose = adjustedClose;
        b.timeFormat = timeFormat;
        return b;
    }

    /**
     * Reads a CSV file (UTF-8).
     *
     * @param file the file
     * @return the candles and how the file was read
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file, line, column and value when the content is not a candle CSV
     */
    public CandleCsvRead read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.getFileName() == null ? file.toString() : file.getFileName().toString());
        }
    }

    /**
     * Reads CSV text to the end; the reader is not closed.
     *
     * @param csv the CSV text
     * @param source a name for messages, such as the file name
     * @return the candles and how the text was read
     * @throws IOException when the reader fails
     * @throws IllegalArgumentException naming the source, line, column and value when the content is not a candle
     *     CSV
     */
    public CandleCsvRead read(Reader csv, String source) throws IOException {
        BufferedReader in = new BufferedReader(csv, HEADER_PEEK_CHARS);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        in.mark(HEADER_PEEK_CHARS);
        char separator = separatorOf(firstLine(in), source);
        in.reset();
        CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
                .trimWhitespacesAroundQuotes(true).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE).ofCsvRecord(in);
        try {
            Iterator<CsvRecord> records = reader.iterator();
            List<String> names = new ArrayList<>();
            for (String f : records.next().getFields()) {
                names.add(f.strip());
            }
            CandleCsvHeader header = CandleCsvHeader.match(names, explicit, adjustedClose, source);
            CandleCsvRows rows = new CandleCsvRows(header, timeFormat, separator, source);
            while (records.hasNext()) {
                CsvRecord r = records.next();
                rows.add(r, r.getStartingLineNumber());
            }
            return rows.result();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            throw new IllegalArgumentException("candle CSV " + source + " is not valid CSV: " + e.getMessage(), e);
        }
    }

    private static String firstLine(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    /** The separator the header uses: the most frequent of {@code , ; tab} outside quotes ({@code ,} if none). */
    private static char separatorOf(String header, String source) {
        if (header == null) {
            throw new IllegalArgumentException("candle CSV " + source + " is empty; it needs a header naming its"
                    + " columns (a time column such as open_time, timestamp or date, and open, high, low, close,"
                    + " volume as it has them)");
        }
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** Choices for a {@link CandleCsv}; every one optional. */
    public static final class Builder {
        private final Map<String, String> explicit = new LinkedHashMap<>();
        private boolean adjustedClose;
        private CandleTimeFormat timeFormat;

        private Builder() {
        }

        /**
         * Reads a candle column from a header no alias knows (or picks one of two that both match). Matched exactly.
         *
         * @param candleColumn a {@link Candles#COLUMNS} name, or {@code adj_close}
         * @param header the header's name for it, as written in the file
         * @return this builder
         * @throws IllegalArgumentException when {@code candleColumn} is not a candle column
         */
        public Builder column(String candleColumn, String header) {
            if (!Candles.COLUMNS.contains(candleColumn) && !CandleCsvHeader.ADJ_CLOSE.equals(candleColumn)) {
                throw new IllegalArgumentException("'" + candleColumn + "' is not a candle column; one of "
                        + Candles.COLUMNS + " or " + CandleCsvHeader.ADJ_CLOSE);
            }
            explicit.put(candleColumn, Objects.requireNonNull(header, "header"));
            return this;
        }

        /**
         * Whether to read an {@code Adj Close} column (as {@code adj_close}); off by default, when it is ignored.
         *
         * @param read true to read it
         * @return this builder
         */
        public Builder adjustedClose(boolean read) {
            this.adjustedClose = read;
            return this;
        }

        /**
         * The times' format, instead of detecting it from the first row.
         *
         * @param format the format, or null to detect
         * @return this builder
         */
        public Builder timeFormat(CandleTimeFormat format) {
            this.timeFormat = format;
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         */
        public CandleCsv build() {
            return new CandleCsv(this);
        }
    }
}
