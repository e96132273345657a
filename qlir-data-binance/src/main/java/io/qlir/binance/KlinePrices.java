package io.qlir.binance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the prices of each kline row agree with each other: no negative price, {@code low <= open, close <=
 * high}. Binance never sends such a row in normal operation; one that arrives is a damaged answer and is refused as
 * an invalid response rather than stored (a stored row is served by every later load).
 */
final class KlinePrices {

    private static final int MAX_LISTED = 10;

    private KlinePrices() {
    }

    /** The contradictions in words (at most ten), empty when every row is consistent. */
    static List<String> contradictions(byte[] body, int arrayStart, int arrayEnd, int size) {
        List<String> problems = new ArrayList<>();
        try (JsonParser p = KlinesParser.JSON.createParser(body, arrayStart, arrayEnd - arrayStart)) {
            p.nextToken(); // the outer [
            for (int row = 0; row < size && problems.size() < MAX_LISTED; row++) {
                p.nextToken(); // the row's [
                long open = KlineBatch.next(p).getLongValue();
                double o = KlineBatch.decimal(KlineBatch.next(p));
                double h = KlineBatch.decimal(KlineBatch.next(p));
                double l = KlineBatch.decimal(KlineBatch.next(p));
                double c = KlineBatch.decimal(KlineBatch.next(p));
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
                String why = contradiction(o, h, l, c);
                if (why != null) {
                    problems.add("row " + row + " (open time " + Instant.ofEpochMilli(open) + ") has " + why
                            + " (open " + o + ", high " + h + ", low " + l + ", close " + c + ")");
                }
            }
        } catch (IOException | NumberFormatException e) {
            problems.add("the prices cannot be read again: " + e.getMessage());
        }
        return problems;
    }

    /** Why four prices cannot be one candle, or null when they can. */
    static String contradiction(double open, double high, double low, double close) {
        if (open < 0 || high < 0 || low < 0 || close < 0) {
            return "a negative price";
        }
        if (low > high) {
            return "low above high";
        }
        if (open < low || close < low) {
            return (open < low ? "open" : "close") + " below low";
        }
        if (open > high || close > high) {
            return (open > high ? "open" : "close") + " above high";
        }
        return null;
    }
}
