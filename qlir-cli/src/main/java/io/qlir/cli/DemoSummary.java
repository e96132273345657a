package io.qlir.cli;

import io.qlir.core.Candles;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The demo's short summary: the last bars with their indicators, then counts of touches and shocks. */
final class DemoSummary {

    static final int LAST_ROWS = 6;
    static final double SHOCK = 2.0;

    private DemoSummary() {
    }

    static void print(Table t, PrintWriter o) {
        o.printf(Locale.ROOT, "   %-20s %10s %10s %10s %8s %7s  %s%n", "open (UTC)", "close", "sma_14", "sma_50",
                "arp_14", "shock", "bollinger position");
        int from = Math.max(0, t.rowCount() - LAST_ROWS);
        for (int i = from; i < t.rowCount(); i++) {
            o.printf(Locale.ROOT, "   %-20s %10.2f %10.2f %10.2f %7.3f%% %7.2f  %s%n",
                    Instant.ofEpochMilli(t.longColumn(Candles.OPEN_TIME).getLong(i)).toString().replace(":00Z", "Z"),
                    t.doubleColumn(Candles.CLOSE).getDouble(i),
                    t.doubleColumn("close_sma_14").getDouble(i),
                    t.doubleColumn("close_sma_50").getDouble(i),
                    100 * t.doubleColumn("arp_14").getDouble(i),
                    t.doubleColumn("range_shock_14").getDouble(i),
                    t.stringColumn("close_boll_20_2_position").getString(i));
        }
        o.printf(Locale.ROOT, "   %d bars: band touches lower %d, mid %d, upper %d; range shocks >= %.0f: %d%n",
                t.rowCount(), trues(t.booleanColumn("close_boll_20_2_touch_lower")),
                trues(t.booleanColumn("close_boll_20_2_touch_mid")),
                trues(t.booleanColumn("close_boll_20_2_touch_upper")), SHOCK,
                atLeast(t.doubleColumn("range_shock_14"), SHOCK));
    }

    static int trues(BooleanColumn c) {
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i) && c.get(i)) {
                n++;
            }
        }
        return n;
    }

    static int atLeast(DoubleColumn c, double threshold) {
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.getDouble(i) >= threshold) {
                n++;
            }
        }
        return n;
    }
}
