package io.qlir.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Reads a candle CSV: a header naming the columns (in any order; every {@link Candles#COLUMNS} entry required,
 * extra columns ignored), then one candle per line. Times and trades are integers (epoch millis UTC for times);
 * prices and volumes are decimals, with an empty field or {@code NaN} read as NaN. Fields may be wrapped in double
 * quotes; quoted commas are not supported (candle files have none).
 */
final class CandleCsv {

    private CandleCsv() {
    }

    static Table read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String headerLine = in.readLine();
        int lineNo = 1;
        while (headerLine != null && headerLine.isBlank()) {
            headerLine = in.readLine();
            lineNo++;
        }
        if (headerLine == null) {
            throw new IllegalArgumentException("candle CSV " + source + " is empty; it needs a header with "
                    + Candles.COLUMNS);
        }
        List<String> header = split(headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine);
        int[] index = locate(header, source);
        Candles.Builder b = Candles.builder(1024);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(line);
            if (f.size() < header.size()) {
                throw new IllegalArgumentException("candle CSV " + source + ", line " + lineNo + " has " + f.size()
                        + " fields but the header has " + header.size() + ": " + line);
            }
            Row r = new Row(f, index, source, lineNo);
            b.add(r.time(0), r.num(1), r.num(2), r.num(3), r.num(4), r.num(5), r.time(6), r.num(7), r.time(8),
                    r.num(9), r.num(10));
        }
        return b.build();
    }

    /** For each schema column (in schema order), its position in the header. */
    private static int[] locate(List<String> header, String source) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (positions.put(header.get(i), i) != null) {
                throw new IllegalArgumentException("candle CSV " + source + " names column '" + header.get(i)
                        + "' twice; its header is " + header);
            }
        }
        List<String> missing = new ArrayList<>();
        int[] index = new int[Candles.COLUMNS.size()];
        for (int c = 0; c < index.length; c++) {
            Integer at = positions.get(Candles.COLUMNS.get(c));
            if (at == null) {
                missing.add(Candles.COLUMNS.get(c));
            } else {
                index[c] = at;
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("candle CSV " + source + " is missing columns " + missing
                    + "; its header has " + header + "; a candle CSV needs " + Candles.COLUMNS);
        }
        return index;
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        for (String field : line.split(",", -1)) {
            String f = field.trim();
            if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
                f = f.substring(1, f.length() - 1).trim();
            }
            out.add(f);
        }
        return out;
    }

    /** One data line, read by schema position with errors that name the source, line, column and value. */
    private static final class Row {
        private final List<String> fields;
        private final int[] index;
        private final String source;
        private final int line;

        Row(List<String> fields, int[] index, String source, int line) {
            this.fields = fields;
            this.index = index;
            this.source = source;
            this.line = line;
        }

        long time(int column) {
            String v = fields.get(index[column]);
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw bad(column, v, "an integer" + (column == 8 ? "" : " (epoch millis UTC)"), e);
            }
        }

        double num(int column) {
            String v = fields.get(index[column]);
            if (v.isEmpty() || v.equalsIgnoreCase("nan")) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw bad(column, v, "a number", e);
            }
        }

        private IllegalArgumentException bad(int column, String value, String want, NumberFormatException e) {
            return new IllegalArgumentException("candle CSV " + source + ", line " + line + ", column "
                    + Candles.COLUMNS.get(column) + ": '" + value + "' is not " + want, e);
        }
    }
}
