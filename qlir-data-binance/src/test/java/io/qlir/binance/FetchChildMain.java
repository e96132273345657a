package io.qlir.binance;

import io.qlir.core.Interval;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A fetch in a JVM of its own, for {@link CrashRestartTest} to kill: prints {@code slice <n>} after each slice and
 * {@code done} at the end. Arguments: base URL, data root, "now" in epoch millis.
 */
public final class FetchChildMain {

    private FetchChildMain() {
    }

    /**
     * Runs the fetch.
     *
     * @param args base URL, data root, now
     * @throws Exception on any failure (the parent sees the exit code)
     */
    public static void main(String[] args) throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(Long.parseLong(args[2])), ZoneOffset.UTC);
        try (BinanceClient client = BinanceClient.builder().baseUrl(args[0]).clock(clock)
                .retryPolicy(Stores.quickRetries()).build()) {
            BinanceFetcher fetcher = BinanceFetcher.builder(client, Path.of(args[1])).concurrency(2)
                    .listener(new FetchListener() {
                        @Override
                        public void sliceDone(FetchProgress p) {
                            synchronized (System.out) {
                                System.out.println("slice " + p.slicesDone());
                                System.out.flush();
                            }
                        }
                    }).build();
            fetcher.fetch(CrashRestartTest.JOB);
        }
        System.out.println("done");
        System.out.flush();
    }

    static Interval interval() {
        return CrashRestartTest.JOB.interval();
    }
}
