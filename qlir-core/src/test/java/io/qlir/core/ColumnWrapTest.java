package io.qlir.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** Columns over a caller's arrays: the values are the array's, no copy is made, and Tablesaw works on them as usual. */
class ColumnWrapTest {

    @Test
    void aLongColumnWrapsItsArrayWithoutACopyAndBehavesLikeTablesawsOwn() {
        long[] values = {5, 1, Long.MIN_VALUE, 9};
        LongColumn c = Columns.longColumn("trades", values);

        assertThat(c.name()).isEqualTo("trades");
        assertThat(c.size()).isEqualTo(4);
        assertThat(c.get(0)).isEqualTo(5L);
        assertThat(c.isMissing(2)).as("Long.MIN_VALUE is Tablesaw's missing value").isTrue();
        values[1] = 42; // no copy: the column shows the write
        assertThat(c.get(1)).isEqualTo(42L);

        Table t = Table.create("t", c);
        LongColumn same = LongColumn.create("trades", 5, 42, Long.MIN_VALUE, 9);
        assertThat(t.longColumn("trades").asList()).isEqualTo(same.asList());
        assertThat(c.sum()).isEqualTo(same.sum());
        assertThat(c.copy().asLongArray()).containsExactly(5, 42, Long.MIN_VALUE, 9);
        c.append(7L); // a wrapped column still grows (fastutil reallocates)
        assertThat(c.size()).isEqualTo(5);
        assertThat(values).containsExactly(5, 42, Long.MIN_VALUE, 9);
    }

    @Test
    void aDoubleColumnWrapsItsArrayWithoutACopy() {
        double[] values = {1.5, Double.NaN};
        var c = Columns.doubleColumn("close", values);
        values[0] = 2.5;
        assertThat(c.get(0)).isEqualTo(2.5);
        assertThat(c.isMissing(1)).isTrue();
        assertThat(Columns.doubles(Table.create("t", c), "close")).isSameAs(values);
    }
}
