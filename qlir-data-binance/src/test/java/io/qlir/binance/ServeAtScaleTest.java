package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Interval;
import io.qlir.data.manifest.JournalDurability;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.StoreOptions;
import io.qlir.testkit.Await;
import io.qlir.testkit.FakeBinance;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --all} at Binance's scale: 2,000 generated trading symbols on one JVM run in a bounded pool, every
 * job's newest slice comes before anyone's catch-up, and a stop reaches every queued and running step.
 */
class ServeAtScaleTest {

    static final int SYMBOLS = 2000;
    static final Instant NOW = Instant.parse("2024-01-04T12:34:56Z");

    @TempDir
    Path root;

    @Test
    void twoThousandJobsRunInABoundedPoolNewestSlicesFirstAndAStopEndsEveryStep() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // 13 candles of 1h in slices of 4: each job has its newest slice and 3 slices of catch-up
        try (FakeBinance fake = FakeBinance.builder().seed(11).generatedSymbols(SYMBOLS, NOW.minus(
                Duration.ofHours(12))).clock(clock).weightLimit(1_000_000_000, Duration.ofMinutes(1))
                .logRequests(false).start();
                BinanceClient client = Stores.client(fake, clock).weightLimit(1_000_000_000, Duration.ofMinutes(1))
                        .build()) {
            List<FetchJob> jobs = new ArrayList<>();
            for (String s : client.tradingSymbols().orThrow()) {
                jobs.add(FetchJob.of(Endpoint.KLINES, s, Interval.H1).withLimit(4));
            }
            assertThat(jobs).hasSize(SYMBOLS);
            long newest = Interval.H1.floor(NOW.toEpochMilli());
            Map<FetchJob, Boolean> current = new ConcurrentHashMap<>();
            AtomicInteger catchUp = new AtomicInteger();
            AtomicInteger catchUpBeforeAllCurrent = new AtomicInteger(-1);
            FetchListener listener = new FetchListener() {
                @Override
                public void sliceRecorded(FetchJob job, SliceEntry entry, int rows) {
                    if (entry.key().lastOpenMs() >= newest) {
                        current.put(job, true);
                        if (current.size() == SYMBOLS) {
                            catchUpBeforeAllCurrent.compareAndSet(-1, catchUp.get());
                        }
                    } else {
                        catchUp.incrementAndGet();
                    }
                }
            };
            threads.resetPeakThreadCount();
            BinanceDataServer server = BinanceDataServer.builder(client, root).jobs(jobs).cadence(null)
                    .listener(listener).storeOptions(StoreOptions.builder().clock(clock)
                            .journalDurability(JournalDurability.BATCHED).build()).start();
            try {
                assertThat(server.workers()).isEqualTo(BinanceDataServer.Builder.defaultWorkers());
                Await.until("every job has stored its newest slice and some catch-up is done",
                        () -> catchUpBeforeAllCurrent.get() >= 0 && catchUp.get() >= SYMBOLS / 10,
                        Duration.ofSeconds(120));
                assertThat(workerThreads()).hasSize(server.workers());
            } finally {
                server.stop();
            }
            Await.until("every worker thread has ended after the stop", () -> workerThreads().isEmpty(),
                    Duration.ofSeconds(20));
            assertThat(server.awaitTermination(Duration.ofSeconds(1))).isTrue();
            assertThat(threads.getPeakThreadCount()).as("threads of the whole JVM, fake server included")
                    .isLessThanOrEqualTo(150);

            // refreshes before catch-up: only the steps free workers took while the last newest slices were running
            assertThat(catchUpBeforeAllCurrent.get()).isLessThanOrEqualTo(SYMBOLS / 10);
            // the stop reached queued steps: catch-up was left undone, and every job ended with its directory closed
            assertThat(catchUp.get()).isLessThan(3 * SYMBOLS);
            assertThat(server.states()).allSatisfy(s -> assertThat(s.phase()).isEqualTo(JobPhase.STOPPED));
            for (FetchJob j : jobs) {
                assertThat(SliceDirectory.hasLiveWriter(j.series().directory(root))).as(j.name()).isFalse();
            }
        }
    }

    private static List<Thread> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("qlir-worker-"))
                .filter(Thread::isAlive).toList();
    }
}
