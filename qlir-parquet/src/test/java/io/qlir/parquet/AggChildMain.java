package io.qlir.parquet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The child JVM of {@link AggCrashTest}: rewrites every month once (warming up), prints "ready", then rewrites
 * every month again and again until it is killed.
 */
public final class AggChildMain {

    private AggChildMain() {
    }

    /**
     * Runs one aggregation.
     *
     * @param args data root, now in epoch millis
     */
    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        Clock clock = Clock.fixed(Instant.ofEpochMilli(Long.parseLong(args[1])), ZoneOffset.UTC);
        DatasetAggregator forced = DatasetAggregator.of(root).clock(clock).rewritingEveryMonth();
        forced.aggregate(TestStores.SERIES);
        System.out.println("ready");
        System.out.flush();
        while (true) {
            forced.aggregate(TestStores.SERIES);
        }
    }
}
