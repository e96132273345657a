package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Interval;
import io.qlir.data.file.WriteFaults;
import io.qlir.data.retry.Sleeper;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeRequest;
import io.qlir.testkit.ManualTime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served job whose slice writes keep failing (a full disk) backs off more after each failure, although every
 * retry first opens its directory again as a step of its own: 5 s, 10 s, 20 s, 40 s, 80 s between attempts.
 */
class ServeBackoffTest {

    @TempDir
    Path root;

    @Test
    void aJobThatKeepsFailingItsWritesBacksOffMoreEachTime() throws Exception {
        Instant start = Instant.parse("2024-01-03T10:00:30Z");
        Instant end = start.plus(Duration.ofMinutes(3));
        ManualTime time = new ManualTime(start);
        FetchJob job = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1).withLimit(5);
        AtomicReference<BinanceDataServer> server = new AtomicReference<>();
        Sleeper sleeper = d -> {
            time.sleep(d);
            if (!time.now().isBefore(end)) {
                server.get().stop();
            }
        };
        try (FakeBinance fake = Stores.market(time.clock()).rateLimitClock(time.clock()).start();
                BinanceClient client = Stores.client(fake, time.clock()).sleeper(time::sleep).build();
                WriteFaults.Installed f = WriteFaults.inject(file -> file.startsWith(root)
                        && file.getParent().getFileName().toString().equals("responses")
                        ? new IOException("No space left on device") : null)) {
            server.set(BinanceDataServer.builder(client, root).job(job).since(start.minus(Duration.ofMinutes(2)))
                    .cadence(Duration.ofSeconds(20)).sleeper(sleeper).start());
            assertThat(server.get().awaitTermination(Duration.ofSeconds(60))).isTrue();
            List<Long> at = fake.requests().stream().filter(FakeRequest::isKlines)
                    .filter(r -> !"0".equals(r.param("startTime"))).map(FakeRequest::arrivedAtMs).toList();
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < at.size(); i++) {
                gaps.add(at.get(i) - at.get(i - 1));
            }
            assertThat(gaps).as("attempts at " + at).startsWith(5_000L, 10_000L, 20_000L, 40_000L, 80_000L);
        }
    }
}
