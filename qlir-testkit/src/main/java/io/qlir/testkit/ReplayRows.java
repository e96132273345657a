package io.qlir.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;

/** Recorded raw kline rows for one symbol and interval, served verbatim, sorted by open time. */
final class ReplayRows {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final long[] openTimes;
    private final String[] rows;

    private ReplayRows(long[] openTimes, String[] rows) {
        this.openTimes = openTimes;
        this.rows = rows;
    }

    /** Parses one or more JSON arrays of raw rows; where open times repeat, the later recording wins. */
    static ReplayRows parse(String what, String... recordings) {
        TreeMap<Long, String> byOpen = new TreeMap<>();
        for (String json : recordings) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            try (JsonParser p = JSON.createParser(bytes)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException("recorded rows for " + what + " must be a JSON array of "
                            + "Binance kline rows");
                }
                int n = 0;
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                        throw new IllegalArgumentException("recorded row " + n + " for " + what
                                + " does not start with an integer open time");
                    }
                    long open = p.getLongValue();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        p.skipChildren();
                    }
                    int end = (int) p.currentTokenLocation().getByteOffset() + 1;
                    byOpen.put(open, new String(bytes, start, end - start, StandardCharsets.UTF_8));
                    n++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("recorded rows for " + what + " are not valid JSON", e);
            }
        }
        long[] opens = new long[byOpen.size()];
        String[] texts = new String[byOpen.size()];
        int i = 0;
        for (var e : byOpen.entrySet()) {
            opens[i] = e.getKey();
            texts[i++] = e.getValue();
        }
        return new ReplayRows(opens, texts);
    }

    int size() {
        return rows.length;
    }

    long firstOpenTime() {
        return openTimes[0];
    }

    /** Rows selected like Binance selects: see {@link KlineSelection}. */
    void append(StringBuilder sb, Long start, Long end, int limit) {
        int from;
        int to; // exclusive
        if (start != null) {
            from = lowerBound(start);
            to = end == null ? rows.length : upperBound(end);
            to = Math.min(to, from + limit);
        } else if (end != null) {
            to = upperBound(end);
            from = Math.max(0, to - limit);
        } else {
            to = rows.length;
            from = Math.max(0, to - limit);
        }
        boolean first = true;
        for (int i = from; i < to; i++) {
            if (!first) {
                sb.append(',');
            }
            sb.append(rows[i]);
            first = false;
        }
    }

    /** The first index whose open time is at least {@code t}. */
    private int lowerBound(long t) {
        int i = Arrays.binarySearch(openTimes, t);
        return i >= 0 ? i : -i - 1;
    }

    /** The first index whose open time is after {@code t}. */
    private int upperBound(long t) {
        int i = Arrays.binarySearch(openTimes, t);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
