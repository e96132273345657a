package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Interval;
import io.qlir.data.manifest.Manifest;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.validate.ValidationMode;
import io.qlir.data.validate.ValidationReport;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a fetch, several times, then a restart: no candle lost, none duplicated, the
 * validator clean, and no slice that was complete on disk fetched again. The fetch runs in a JVM of its own
 * ({@link FetchChildMain}) that is killed with {@code destroyForcibly} at random moments after a slice was reported,
 * so the kills land inside requests, inside slice-file writes, and between a file's rename and its journal line.
 */
class CrashRestartTest {

    static final Instant NOW = Instant.parse("2024-01-04T12:34:56Z");
    static final FetchJob JOB = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M1).withLimit(100);

    @TempDir
    Path root;

    @Test
    void aFetchKilledAtRandomMomentsAndRestartedLosesNothingAndDuplicatesNothing() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Random random = new Random(20240104);
        try (FakeBinance fake = Stores.market(clock).start()) {
            int kills = 0;
            for (int round = 0; round < 3; round++) {
                if (runAndKill(fake, 2 + random.nextInt(8), random.nextInt(5))) {
                    kills++;
                }
            }
            assertThat(kills).as("the child was killed mid-fetch").isGreaterThanOrEqualTo(2);

            Set<Long> completeBefore = new HashSet<>();
            for (SliceEntry e : Manifest.load(root, JOB.series()).manifest().entries()) {
                if (e.status() == SliceStatus.COMPLETE) {
                    completeBefore.add(e.key().startMs());
                }
            }
            fake.clearRequests();
            try (BinanceClient client = Stores.client(fake, clock).build()) {
                FetchSummary s = BinanceFetcher.builder(client, root).build().fetch(JOB);
                assertThat(s.isClean()).isTrue();
            }
            List<FakeRequest> klines = fake.requests().stream().filter(FakeRequest::isKlines).toList();
            assertThat(klines).allSatisfy(r -> assertThat(completeBefore)
                    .doesNotContain(JOB.series().grid(fake.firstOpenTime("BTCUSDT", Interval.M1))
                            .containing(Long.parseLong(r.param("startTime"))).startMs()));

            long first = fake.firstOpenTime("BTCUSDT", Interval.M1);
            assertThat(Stores.storedRows(dir()))
                    .isEqualTo(Stores.tree(fake.rowsJson("BTCUSDT", Interval.M1, first,
                            fake.formingOpenTime(Interval.M1))));
            ValidationReport v = Binance.validate(root, JOB, ValidationMode.DEEP);
            assertThat(v.errors()).isEmpty();
            assertThat(v.isClean()).isTrue();
        }
    }

    /** Runs the child until it reported {@code slices} slices, waits {@code delayMs}, kills it; false if it ended. */
    private boolean runAndKill(FakeBinance fake, int slices, int delayMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                FetchChildMain.class.getName(), fake.baseUrl(), root.toString(), Long.toString(NOW.toEpochMilli()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("slice " + slices)) {
                    Thread.sleep(delayMs);
                    child.destroyForcibly();
                    child.waitFor(30, TimeUnit.SECONDS);
                    return true;
                }
                if (line.equals("done")) {
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        return false;
    }

    private Path dir() {
        return JOB.series().directory(root);
    }
}
