package io.qlir.core;

import de.siegmar.fastcsv.reader.CsvRecord;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The data lines of a candle CSV, parsed into primitive lists column by column, with every refusal naming the
 * source, line, column (as the header writes it) and value: a value that is not a number or not finite, a time in
 * another format than the first row's, and a time that is not after the previous row's.
 */
final class CandleCsvRows {

    private final CandleCsvHeader header;
    private final String source;
    private final char separator;
    private final String[] columns;
    private final int[] positions;
    private final boolean[] isLong;
    private final boolean[] qlirName;
    private final Object[] values;
    private final int timeIndex;
    private CandleTimeFormat timeFormat;
    private final boolean detect;
    private long previousTime;
    private long previousLine;

    CandleCsvRows(CandleCsvHeader header, CandleTimeFormat timeFormat, char separator, String source) {
        this.header = header;
        this.separator = separator;
        this.source = source;
        this.timeFormat = timeFormat;
        this.detect = timeFormat == null;
        int n = header.positions.size();
        columns = header.positions.keySet().toArray(new String[0]);
        positions = new int[n];
        isLong = new boolean[n];
        qlirName = new boolean[n];
        values = new Object[n];
        for (int c = 0; c < n; c++) {
            positions[c] = header.positions.get(columns[c]);
            isLong[c] = Candles.LONG_COLUMNS.contains(columns[c]);
            qlirName[c] = header.isQlirName(columns[c]);
            values[c] = isLong[c] ? new LongArrayList(1024) : new DoubleArrayList(1024);
        }
        timeIndex = 0; // open_time is always present and first in schema order
    }

    void add(CsvRecord fields, long line) {
        if (fields.getFieldCount() < header.names.size()) {
            if (fields.getFieldCount() == 1 && fields.getField(0).isBlank()) {
                return;
            }
            throw new IllegalArgumentException("candle CSV " + source + ", line " + line + " has "
                    + fields.getFieldCount() + " fields but the header has " + header.names.size() + ": "
                    + String.join(",", fields.getFields()));
        }
        for (int c = 0; c < columns.length; c++) {
            String v = fields.getField(positions[c]).strip();
            if (!isLong[c]) {
                ((DoubleArrayList) values[c]).add(number(v, c, line));
            } else if (columns[c].equals(Candles.TRADES)) {
                ((LongArrayList) values[c]).add(integer(v, c, line));
            } else {
                ((LongArrayList) values[c]).add(time(v, c, line));
            }
        }
        long t = ((LongArrayList) values[timeIndex]).getLong(((LongArrayList) values[timeIndex]).size() - 1);
        if (previousLine > 0 && t <= previousTime) {
            throw new IllegalArgumentException("candle CSV " + source + ", line " + line + ": time "
                    + fields.getField(positions[timeIndex]).strip() + " (" + Instant.ofEpochMilli(t) + ") is "
                    + (t == previousTime ? "a duplicate of" : "before") + " line " + previousLine + "'s ("
                    + Instant.ofEpochMilli(previousTime) + "); rows must be sorted by time, each time once");
        }
        previousTime = t;
        previousLine = line;
    }

    CandleCsvRead result() {
        List<Column<?>> out = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            out.add(isLong[c] ? Columns.longColumn(columns[c], ((LongArrayList) values[c]).toLongArray())
                    : Columns.doubleColumn(columns[c], ((DoubleArrayList) values[c]).toDoubleArray()));
        }
        Table table = Table.create("candles", out.toArray(new Column<?>[0]));
        long[] times = ((LongArrayList) values[timeIndex]).elements();
        int n = table.rowCount();
        long step = modalStep(times, n);
        List<CandleCsvRead.Gap> gaps = new ArrayList<>();
        for (int i = 1; i < n && step > 0; i++) {
            long d = times[i] - times[i - 1];
            if (d > step) {
                gaps.add(new CandleCsvRead.Gap(i, times[i - 1], times[i], d / step - (d % step == 0 ? 1 : 0)));
            }
        }
        Map<String, String> sources = new LinkedHashMap<>(header.sources());
        CandleTimeFormat format = timeFormat != null ? timeFormat : CandleTimeFormat.EPOCH_MILLIS; // no rows
        return new CandleCsvRead(table, source, separator, format, sources, header.ignored, step, gaps);
    }

    /** The most common difference between consecutive times (ties: the smaller); 0 with fewer than two rows. */
    private static long modalStep(long[] times, int n) {
        Long2IntOpenHashMap counts = new Long2IntOpenHashMap();
        long best = 0;
        int bestCount = 0;
        for (int i = 1; i < n; i++) {
            long d = times[i] - times[i - 1];
            int k = counts.addTo(d, 1) + 1;
            if (k > bestCount || (k == bestCount && d < best)) {
                best = d;
                bestCount = k;
            }
        }
        return best;
    }

    private long time(String v, int c, long line) {
        try {
            if (timeFormat == null) {
                timeFormat = CandleTimeFormat.detect(v, qlirName[c]);
            }
            return timeFormat.toEpochMillis(v, qlirName[c], detect);
        } catch (DateTimeParseException e) {
            throw bad(c, line, v, "is not a time: want an ISO-8601 date or date-time (2024-01-31,"
                    + " 2024-01-31T10:00:00Z) or an integer of epoch seconds, millis or micros", e);
        } catch (IllegalArgumentException e) {
            throw bad(c, line, v, e.getMessage(), e);
        }
    }

    private long integer(String v, int c, long line) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw bad(c, line, v, "is not an integer", e);
        }
    }

    private double number(String v, int c, long line) {
        if (v.isEmpty() || v.equalsIgnoreCase("nan") || v.equalsIgnoreCase("null")) {
            return Double.NaN;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = decimalComma(v, c, line, e);
        }
        if (Double.isInfinite(d)) {
            throw bad(c, line, v, "is not finite: prices and volumes are finite numbers, or empty, NaN or null when"
                    + " missing", null);
        }
        return d;
    }

    /** In a ';'-separated file, {@code 1234,5} is a decimal comma (spreadsheets in many locales write so). */
    private double decimalComma(String v, int c, long line, NumberFormatException e) {
        if (separator == ';' && v.indexOf(',') >= 0 && v.indexOf(',') == v.lastIndexOf(',') && v.indexOf('.') < 0) {
            try {
                return Double.parseDouble(v.replace(',', '.'));
            } catch (NumberFormatException ignored) {
                // fall through to the error below
            }
        }
        throw bad(c, line, v, "is not a number", e);
    }

    private IllegalArgumentException bad(int c, long line, String value, String what, Exception cause) {
        String name = header.names.get(positions[c]);
        String column = name.equals(columns[c]) ? columns[c] : "'" + name + "' (" + columns[c] + ")";
        return new IllegalArgumentException("candle CSV " + source + ", line " + line + ", column " + column + ": '"
                + value + "' " + what, cause);
    }
}
