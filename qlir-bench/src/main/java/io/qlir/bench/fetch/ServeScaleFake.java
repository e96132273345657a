package io.qlir.bench.fetch;

import io.qlir.testkit.FakeBinance;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link FakeBinance} with Binance's scale of symbols on the real clock, for measuring {@code qlir serve --all} by
 * hand (threads, resident memory, SIGTERM): it prints its base URL and serves until killed. Arguments: how many
 * generated symbols (default 2,000) and how many days ago they were listed (default 30). Rate limit: Binance's
 * 6,000 per minute. The measured numbers and the commands are in {@code docs/fetching.md} (serve at scale).
 * <pre>{@code
 * java -cp qlir-bench/target/qlir-benchmarks.jar io.qlir.bench.fetch.ServeScaleFake 2000 30
 * }</pre>
 */
public final class ServeScaleFake {

    private ServeScaleFake() {
    }

    /**
     * Starts the fake and waits until the process is killed.
     *
     * @param args [symbols] [days listed]
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        FakeBinance fake = FakeBinance.builder().seed(1)
                .generatedSymbols(symbols, Instant.now().minus(Duration.ofDays(days)))
                .logRequests(false).start();
        System.out.println(fake.baseUrl());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
