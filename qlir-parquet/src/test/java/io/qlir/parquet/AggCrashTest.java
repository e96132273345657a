package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.testkit.ManualTime;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during aggregation: the aggregator runs in a JVM of its own ({@link AggChildMain}) that rewrites
 * every month file over and over, killed with {@code destroyForcibly} at random moments, so kills land inside
 * Parquet writes, between a temp file's fsync and its rename, and between renames; after each kill every month file
 * in the dataset is whole (it reads back completely), and a final run finishes the job: the dataset then agrees with
 * its slices, row for row, and no temp file is left.
 */
class AggCrashTest {

    /** Two years of 1h candles: 24 months to write, long enough for kills to land inside the writes. */
    static final Instant NOW = Instant.parse("2025-12-20T00:00:00Z");

    @TempDir
    Path root;

    @Test
    void anAggregationKilledAtRandomMomentsLeavesWholeFilesAndTheNextRunFinishes() throws Exception {
        ManualTime time = new ManualTime(NOW);
        TestStores.fetch(time.clock(), root);
        Random random = new Random(20251220);
        int tornWrites = 0;
        for (int round = 0; round < 12 && tornWrites < 2; round++) {
            runAndKill(random.nextInt(400));
            if (!tempFiles().isEmpty()) {
                tornWrites++; // killed inside a write: its temp file stayed, the month's file is the old one
            }
            assertThat(parquetFiles()).hasSize(24);
            for (Path f : parquetFiles()) {
                assertThat(ParquetDataset.readMonth(f).rowCount()).as(f.toString()).isPositive();
                assertThat(MonthFile.read(f).lineage()).as(f.toString()).isNotEmpty();
            }
        }

        assertThat(tornWrites).as("kills that landed inside a month file's write").isEqualTo(2);

        AggregationResult last = DatasetAggregator.of(root).clock(time.clock()).aggregate(TestStores.SERIES);
        assertThat(last.written().size() + last.unchanged()).isEqualTo(24);
        assertThat(DatasetChecks.check(root, TestStores.SERIES, time.clock(), true)).isEmpty();
        assertThat(tempFiles()).isEmpty();
        assertThat(DatasetAggregator.of(root).clock(time.clock()).aggregate(TestStores.SERIES).nothingNew()).isTrue();
    }

    private List<Path> tempFiles() throws Exception {
        try (Stream<Path> s = Files.walk(root.resolve(ParquetLayout.ROOT))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private List<Path> parquetFiles() throws Exception {
        Path dir = root.resolve(ParquetLayout.ROOT);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
        }
    }

    /** Starts the child and kills it {@code delayMs} after it said "ready" (it never ends by itself). */
    private void runAndKill(int delayMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), AggChildMain.class.getName(), root.toString(),
                Long.toString(NOW.toEpochMilli()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the child's first line").isEqualTo("ready");
            assertThat(child.waitFor(delayMs, TimeUnit.MILLISECONDS)).as("the child ended by itself").isFalse();
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
