package io.qlir.ops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's memory requirement: 10.5M candles (20 series × one year of 1m) plus ten derived columns, all kept, fit
 * in {@code -Xmx2g}. Runs {@link TenMillionCandles} in a child JVM with that heap (about 15 s on two cores).
 */
class TenMillionCandlesTest {

    @TempDir
    Path temp;

    @Test
    void tenMillionCandlesAndTenDerivedColumnsFitInTwoGigabytes() throws Exception {
        Path log = temp.resolve("child.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), TenMillionCandles.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the -Xmx2g child did not finish within 5 minutes; its output:\n" + read(log));
        }
        String out = read(log);
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).as(out).contains("derived 20 10512000 10 used ");
    }

    private static String read(Path log) throws IOException {
        return String.join("\n", Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("SLF4J")).toList());
    }

    @Test
    void theChildKeepsOnlyTheColumnsThePipelineReads() {
        assertThat(Pipeline.parse("memory", TenMillionCandles.OPS).reads())
                .containsExactlyInAnyOrder("close", "open", "high", "low");
        assertThat(List.of(TenMillionCandles.SERIES * TenMillionCandles.CANDLES_PER_SERIES)).containsExactly(10_512_000);
    }
}
