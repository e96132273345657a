package io.qlir.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.qlir.core.Candles;
import io.qlir.core.Columns;
import io.qlir.data.manifest.SliceSeries;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The end-to-end benchmark's two sides compute the same values: qlir's tables and DuckDB's window functions over
 * the same Parquet dataset (two series of 4,000 one-minute candles crossing a month boundary, written by the
 * aggregator), cell for cell within 1e-9 relative, qlir's warm-up NaN exactly where SQL has NULL.
 */
class EndToEndAgreementTest {

    private static final int SERIES = 2;
    private static final int SLICES = 4;
    /** 2025-01-30T00:00:00Z: 4,000 minutes later is in February, so each series has two month files. */
    private static final long ANCHOR = 1738195200000L;
    private static final double RELATIVE = 1e-9;

    @TempDir
    Path root;

    @Test
    void qlirAndDuckDbAgreeOnEveryDerivedCellAndOnEveryWarmUpRow() throws Exception {
        EndToEndFixture.ensure(root, SERIES, SLICES, ANCHOR);
        List<String> derived = EndToEndWork.derivedColumns();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = duck.createStatement()) {
            s.execute(EndToEndWork.duckDbSql(root, "features"));
            for (SliceSeries series : EndToEndFixture.series(SERIES)) {
                Table q = EndToEndWork.qlir(root, series);
                assertThat(q.rowCount()).isEqualTo(SLICES * 1_000);
                assertThat(q.columnNames()).containsSequence(derived);
                try (ResultSet rs = s.executeQuery("SELECT epoch_ms(open_time), " + String.join(", ", derived)
                        + " FROM features WHERE symbol = '" + series.symbol() + "' ORDER BY open_time")) {
                    compare(series.symbol(), q, rs, derived);
                }
            }
        }
    }

    private static void compare(String symbol, Table q, ResultSet rs, List<String> derived) throws Exception {
        long[] openTime = q.longColumn(Candles.OPEN_TIME).asLongArray();
        double[][] cols = new double[derived.size()][];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = Columns.doubles(q, derived.get(c));
        }
        int warmUpCells = 0;
        int row = 0;
        while (rs.next()) {
            assertThat(rs.getLong(1)).as("%s row %d open_time", symbol, row).isEqualTo(openTime[row]);
            for (int c = 0; c < cols.length; c++) {
                double sql = rs.getDouble(c + 2);
                boolean isNull = rs.wasNull();
                double mine = cols[c][row];
                String where = symbol + " row " + row + " " + derived.get(c);
                if (isNull || Double.isNaN(mine)) {
                    assertThat(Double.isNaN(mine)).as("%s: qlir %s, SQL %s", where, mine, isNull ? "NULL" : sql)
                            .isEqualTo(isNull);
                    warmUpCells++;
                    continue;
                }
                if (Math.abs(mine - sql) > RELATIVE * Math.max(Math.abs(mine), Math.abs(sql))) {
                    fail("%s: qlir %s, DuckDB %s", where, mine, sql);
                }
            }
            row++;
        }
        assertThat(row).as("%s rows in DuckDB's table", symbol).isEqualTo(q.rowCount());
        // warm-up: sma 4+9+19+49+99+199, bollinger 3 x 19, arp 13
        assertThat(warmUpCells).as("%s warm-up cells", symbol).isEqualTo(379 + 57 + 13);
    }
}
