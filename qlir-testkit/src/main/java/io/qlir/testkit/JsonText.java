package io.qlir.testkit;

import io.qlir.core.SyntheticMarket;
import java.math.BigDecimal;

/** Writes the JSON the fake serves, by hand and fast (benchmarks fetch millions of rows from it). */
final class JsonText {

    private JsonText() {
    }

    /** Appends a number as Binance writes prices: a string with exactly 8 decimals. */
    static void decimal8(StringBuilder sb, double x) {
        sb.append('"');
        if (Math.abs(x) < 9e10) {
            long scaled = Math.round(x * 1e8);
            if (scaled < 0) {
                sb.append('-');
                scaled = -scaled;
            }
            long whole = scaled / 100_000_000L;
            long frac = scaled % 100_000_000L;
            sb.append(whole).append('.');
            String f = Long.toString(frac);
            for (int i = f.length(); i < 8; i++) {
                sb.append('0');
            }
            sb.append(f);
        } else {
            sb.append(new BigDecimal(x).setScale(8, java.math.RoundingMode.HALF_EVEN).toPlainString());
        }
        sb.append('"');
    }

    static void row(StringBuilder sb, SyntheticMarket.Candle c) {
        sb.append('[').append(c.openTime()).append(',');
        decimal8(sb, c.open());
        sb.append(',');
        decimal8(sb, c.high());
        sb.append(',');
        decimal8(sb, c.low());
        sb.append(',');
        decimal8(sb, c.close());
        sb.append(',');
        decimal8(sb, c.volume());
        sb.append(',').append(c.closeTime()).append(',');
        decimal8(sb, c.quoteVolume());
        sb.append(',').append(c.trades()).append(',');
        decimal8(sb, c.takerBase());
        sb.append(',');
        decimal8(sb, c.takerQuote());
        sb.append(",\"0\"]");
    }
}
