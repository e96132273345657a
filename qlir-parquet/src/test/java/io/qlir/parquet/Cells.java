package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Candles;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Cell-by-cell equality of two candle tables: same columns, rows, and values (doubles bit for bit, NaN = NaN). */
final class Cells {

    private Cells() {
    }

    static void assertSame(Table actual, Table expected) {
        assertThat(actual.rowCount()).as("rows").isEqualTo(expected.rowCount());
        for (String name : Candles.COLUMNS) {
            Column<?> a = actual.column(name);
            Column<?> e = expected.column(name);
            for (int i = 0; i < expected.rowCount(); i++) {
                Object av = a.get(i);
                Object ev = e.get(i);
                if (av instanceof Double ad && ev instanceof Double ed) {
                    assertThat(Double.doubleToLongBits(ad)).as("%s row %d: %s vs %s", name, i, ad, ed)
                            .isEqualTo(Double.doubleToLongBits(ed));
                } else {
                    assertThat(av).as("%s row %d", name, i).isEqualTo(ev);
                }
            }
        }
    }
}
