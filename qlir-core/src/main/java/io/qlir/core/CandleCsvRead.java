package io.qlir.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * What {@link CandleCsv} read from one file: the candles, and how it understood the file (separator, time format,
 * which header became which column, what it ignored, the bar step and the gaps in it), so that a tool can say so.
 * <pre>{@code
 * CandleCsvRead r = CandleCsv.standard().read(Path.of("AAPL.csv"));
 * System.out.println(r.describe());  // read AAPL.csv: 250 rows, ',' separated; times from 'Date' as ISO-8601 dates …
 * Table candles = r.candles();       // only the columns the file has: open_time, open, high, low, close, volume
 * }</pre>
 *
 * @param candles the candle table: {@code open_time} and the candle columns the file has, in schema order
 * @param source the file's name, for messages
 * @param separator the field separator found in the header ({@code ,}, {@code ;} or a tab)
 * @param timeFormat how the times were written
 * @param columns each candle column read, with the header it came from, in schema order
 * @param ignored the header's columns that were not read
 * @param stepMillis the most common step between consecutive open times (0 with fewer than two rows)
 * @param gaps every step longer than {@code stepMillis}, in order; reported, never filled
 */
public record CandleCsvRead(Table candles, String source, char separator, CandleTimeFormat timeFormat,
        Map<String, String> columns, List<String> ignored, long stepMillis, List<Gap> gaps) {

    /**
     * Copies the collections.
     *
     * @param candles the candle table
     * @param source the file's name
     * @param separator the field separator
     * @param timeFormat how the times were written
     * @param columns candle column → header name
     * @param ignored the header's columns that were not read
     * @param stepMillis the most common step between open times
     * @param gaps the steps longer than {@code stepMillis}
     */
    public CandleCsvRead {
        columns = Map.copyOf(columns);
        ignored = List.copyOf(ignored);
        gaps = List.copyOf(gaps);
    }

    /**
     * Missing bars between two consecutive rows.
     *
     * @param row the row after the gap (0-based, in the table)
     * @param beforeMillis the open time of the row before the gap
     * @param afterMillis the open time of {@code row}
     * @param missingBars how many steps fit between them
     */
    public record Gap(int row, long beforeMillis, long afterMillis, long missingBars) {
    }

    /**
     * The total of missing bars over every gap.
     *
     * @return the count
     */
    public long missingBars() {
        return gaps.stream().mapToLong(Gap::missingBars).sum();
    }

    /**
     * One paragraph saying how the file was read, for a tool's output, for example
     * {@code read AAPL.csv: 250 rows, ',' separated; times from 'Date' as ISO-8601 dates (midnight UTC); columns
     * open<-Open, …; ignored: Adj Close; step 1d; 49 gaps, 103 bars missing (first after 2024-01-05T00:00:00Z)}.
     *
     * @return the description
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("read " + source + ": " + candles.rowCount() + " rows, '" + (separator == '\t' ? "\\t" : separator)
                + "' separated");
        parts.add("times from '" + columns.get(Candles.OPEN_TIME) + "' as " + timeFormat.description());
        parts.add("columns " + candles.columnNames().stream().filter(c -> !c.equals(Candles.OPEN_TIME))
                .map(c -> c.equals(columns.get(c)) ? c : c + "<-" + columns.get(c))
                .collect(Collectors.joining(", ")));
        if (!ignored.isEmpty()) {
            parts.add("ignored " + String.join(", ", ignored));
        }
        if (stepMillis > 0) {
            parts.add("step " + step(stepMillis));
            parts.add(gaps.isEmpty() ? "no gaps"
                    : gaps.size() + (gaps.size() == 1 ? " gap, " : " gaps, ") + missingBars()
                            + " bars missing (not filled; first after " + Instant.ofEpochMilli(gaps.get(0).beforeMillis)
                            + ")");
        }
        return String.join("; ", parts);
    }

    private static String step(long millis) {
        for (Interval i : Interval.values()) {
            if (i.isFixed() && i.fixedMillis() == millis) {
                return i.wireCode();
            }
        }
        return Duration.ofMillis(millis).toString();
    }
}
