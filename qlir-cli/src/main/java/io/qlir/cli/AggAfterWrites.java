package io.qlir.cli;

import io.qlir.binance.FetchJob;
import io.qlir.parquet.AggregationResult;
import io.qlir.parquet.DatasetAggregator;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code qlir serve --agg}: the step that aggregates a series into the Parquet dataset after its slice writes, run
 * by an {@link AfterSeriesWrites} worker (so the fetch never waits for it, and a backfill of a thousand slices costs
 * a few aggregations). Each month file written is told to {@code monthWritten} (the
 * {@code qlir_agg_months_written_total} counter under {@code --metrics-address}).
 * <pre>{@code
 * AfterSeriesWrites agg = new AfterSeriesWrites("serve-agg", new AggAfterWrites(aggregator, watch::aggMonthWritten));
 * }</pre>
 */
final class AggAfterWrites implements AfterSeriesWrites.Step {

    private static final Logger LOG = LoggerFactory.getLogger(AggAfterWrites.class);

    private final DatasetAggregator aggregator;
    private final Consumer<FetchJob> monthWritten;

    AggAfterWrites(DatasetAggregator aggregator, Consumer<FetchJob> monthWritten) {
        this.aggregator = aggregator;
        this.monthWritten = monthWritten;
    }

    @Override
    public void run(FetchJob job) {
        AggregationResult result = aggregator.aggregate(job.series());
        LOG.info("{}", result.describe());
        result.written().forEach(month -> monthWritten.accept(job));
    }
}
