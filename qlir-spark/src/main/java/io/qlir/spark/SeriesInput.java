package io.qlir.spark;

import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One series of qlir's dataset as one Spark input partition (one task): its keys and its Parquet files, grouped by
 * month in month order.
 *
 * @param symbol the {@code symbol=} of its folder
 * @param interval the {@code interval=} of its folder
 * @param months the files, one list per month, in month order
 */
record SeriesInput(String symbol, String interval, List<List<String>> months) implements InputPartition {

    private static final long serialVersionUID = 1L;

    SeriesInput {
        months = months.stream().map(List::copyOf).toList();
    }

    String describe() {
        return "symbol=" + symbol + ", interval=" + interval;
    }
}
