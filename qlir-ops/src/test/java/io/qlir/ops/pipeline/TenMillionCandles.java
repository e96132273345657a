package io.qlir.ops.pipeline;

import io.qlir.core.Candles;
import io.qlir.core.Interval;
import io.qlir.core.SyntheticMarket;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The memory check's child program: 20 series of one year of 1m candles (525,600 each, 10,512,000 in all) generated
 * by {@link SyntheticMarket}, derived with the ten columns ({@code sma(close,5,10,20,50,100,200);
 * bollinger(close,20,2); arp(14)}) by a {@link SeriesBatch} on two threads, every table kept in memory with the
 * columns the pipeline reads ({@link Pipeline#reads()}, plus {@code open_time}; {@code -DallColumns=true} keeps all
 * eleven candle columns, which does not fit: see docs/benchmarks.md). Run in a
 * JVM with {@code -Xmx2g} by {@link TenMillionCandlesTest}; prints {@code derived <series> <rows> <columns>} and
 * exits 0 when every series was derived, 1 otherwise.
 */
public final class TenMillionCandles {

    static final int SERIES = 20;
    static final int CANDLES_PER_SERIES = 525_600;
    static final String OPS = "sma(close,5,10,20,50,100,200); bollinger(close,20,2); arp(14)";
    private static final long T0 = 1_704_067_200_000L;     // 2024-01-01T00:00:00Z

    private TenMillionCandles() {
    }

    /**
     * Generates, derives and keeps everything.
     *
     * @param args optionally the number of series (default 20)
     * @throws Exception when the batch is interrupted
     */
    public static void main(String[] args) throws Exception {
        List<String> ids = new ArrayList<>();
        int series = args.length > 0 ? Integer.parseInt(args[0]) : SERIES;
        for (int s = 0; s < series; s++) {
            ids.add("SYN" + s + "USDT");
        }
        Pipeline pipeline = Pipeline.parse("memory", OPS);
        List<String> keep = new ArrayList<>(List.of(Candles.OPEN_TIME));
        keep.addAll(pipeline.reads());
        boolean all = Boolean.getBoolean("allColumns");
        SeriesBatch batch = SeriesBatch.builder(pipeline).threads(2).build();
        List<SeriesResult> results = batch.apply(ids, id -> {
            Table candles = SyntheticMarket.of(7, id, 100).candles(Interval.M1, T0, CANDLES_PER_SERIES);
            return all ? candles : candles.selectColumns(keep.toArray(new String[0]));
        });
        long rows = 0;
        int columns = 0;
        for (SeriesResult r : results) {
            if (r instanceof SeriesResult.Failed f) {
                System.out.println("failed " + f.describe());
                System.exit(1);
            }
            io.qlir.core.Derived d = ((SeriesResult.Done) r).derived();
            rows += d.table().rowCount();
            columns = d.columns().size();
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.println("derived " + results.size() + " " + rows + " " + columns + " used "
                + (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + " MiB of max " + rt.maxMemory() / (1 << 20)
                + " MiB");
        if (Boolean.getBoolean("hold")) {
            System.in.read();
        }
    }
}
