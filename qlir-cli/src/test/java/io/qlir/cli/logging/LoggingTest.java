package io.qlir.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.core.Interval;
import io.qlir.semantics.DerivationLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LoggingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger("io.qlir.binance.FetchWorker");

    @TempDir
    Path logDir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Logging.stopFiles();
        System.setErr(originalErr);
        Logging.configureConsole(LogProfile.INFO);
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private List<JsonNode> lines(String file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(logDir.resolve(file))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(logDir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void eachJobsLinesLandInItsOwnFileWithThePid() throws Exception {
        Logging.configureConsole(LogProfile.INFO);
        Logging.startFiles(logDir, LogProfile.INFO);
        String btc = Logging.jobName("binance", "klines", "BTCUSDT", Interval.M1);
        String eth = Logging.jobName("binance", "klines", "ETHUSDT", Interval.MO1);
        Thread a = new Thread(() -> {
            try (MDC.MDCCloseable job = Logging.job(btc)) {
                LOG.info("slice {} of {}: {}", 3, 12, Interval.M1);
                LOG.atInfo().addKeyValue("rows", 1000).log("slice written");
                assertThat(job).isNotNull();
            }
        }, "job-btc");
        Thread b = new Thread(() -> {
            try (MDC.MDCCloseable job = Logging.job(eth)) {
                LOG.warn("retrying after HTTP 503");
                assertThat(job).isNotNull();
            }
        }, "job-eth");
        a.start();
        b.start();
        a.join();
        b.join();
        LOG.info("outside any job");
        Logging.stopFiles();

        assertThat(eth).isEqualTo("binance-klines-ETHUSDT-1mo");
        assertThat(files()).containsExactly("binance-klines-BTCUSDT-1m.log", "binance-klines-ETHUSDT-1mo.log",
                "qlir.log");
        long pid = ProcessHandle.current().pid();

        List<JsonNode> btcLines = lines("binance-klines-BTCUSDT-1m.log");
        assertThat(btcLines).hasSize(2);
        for (JsonNode line : btcLines) {
            assertThat(fieldNames(line)).startsWith("timestamp", "level", "pid", "job", "thread", "logger",
                    "message");
            assertThat(line.get("pid").asLong()).isEqualTo(pid);
            assertThat(line.get("job").asText()).isEqualTo(btc);
            assertThat(line.get("thread").asText()).isEqualTo("job-btc");
            assertThat(line.get("logger").asText()).isEqualTo("io.qlir.binance.FetchWorker");
            assertThat(line.get("level").asText()).isEqualTo("INFO");
            assertThat(line.get("timestamp").asText()).endsWith("Z");
            assertThat(Instant.parse(line.get("timestamp").asText())).isBefore(Instant.now().plusSeconds(1));
        }
        assertThat(btcLines.get(0).get("message").asText()).isEqualTo("slice 3 of 12: M1");
        assertThat(btcLines.get(1).get("rows").asInt()).isEqualTo(1000);

        List<JsonNode> ethLines = lines("binance-klines-ETHUSDT-1mo.log");
        assertThat(ethLines).singleElement().satisfies(l -> {
            assertThat(l.get("level").asText()).isEqualTo("WARN");
            assertThat(l.get("job").asText()).isEqualTo(eth);
            assertThat(l.get("pid").asLong()).isEqualTo(pid);
        });
        assertThat(lines("qlir.log")).singleElement().satisfies(l -> {
            assertThat(l.get("job").asText()).isEqualTo("qlir");
            assertThat(l.get("message").asText()).isEqualTo("outside any job");
        });
        assertThat(console()).contains("INFO  [binance-klines-BTCUSDT-1m] FetchWorker - slice 3 of 12: M1",
                "WARN  [binance-klines-ETHUSDT-1mo] FetchWorker - retrying after HTTP 503",
                "INFO  [qlir] FetchWorker - outside any job");
        assertThat(console()).contains(" " + ProcessHandle.current().pid() + " INFO  [qlir] FetchWorker - outside");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void prodKeepsInfoOutOfTheConsoleButInTheFiles() throws Exception {
        Logging.configureConsole(LogProfile.PROD);
        Logging.startFiles(logDir, LogProfile.PROD);
        LOG.debug("debug line");
        LOG.info("info line");
        LOG.warn("warn line");
        Logging.stopFiles();
        assertThat(console()).doesNotContain("info line").doesNotContain("debug line").contains("warn line");
        assertThat(lines("qlir.log")).extracting(l -> l.get("message").asText())
                .containsExactly("info line", "warn line");
    }

    @Test
    void debugReachesBothSidesIncludingDerivationSpecs() throws Exception {
        Logging.configureConsole(LogProfile.DEBUG);
        Logging.startFiles(logDir, LogProfile.DEBUG);
        LOG.debug("debug line");
        LoggerFactory.getLogger(DerivationLog.LOGGER_NAME).info("SMA(base_col=close, window=14)");
        Logging.stopFiles();
        assertThat(console()).contains("debug line", "SMA(base_col=close, window=14)");
        assertThat(lines("qlir.log")).extracting(l -> l.get("message").asText())
                .containsExactly("debug line", "SMA(base_col=close, window=14)");
    }

    @Test
    void derivationSpecsAndFileOnlyLinesStayOffTheConsoleAtInfo() throws Exception {
        Logging.configureConsole(LogProfile.INFO);
        Logging.startFiles(logDir, LogProfile.INFO);
        LoggerFactory.getLogger(DerivationLog.LOGGER_NAME).info("SMA(base_col=close, window=14)");
        LOG.error(Logging.FILE_ONLY, "fetch failed", new IllegalStateException("boom"));
        Logging.stopFiles();
        assertThat(console()).isEmpty();
        List<JsonNode> lines = lines("qlir.log");
        assertThat(lines).extracting(l -> l.get("message").asText())
                .containsExactly("SMA(base_col=close, window=14)", "fetch failed");
        assertThat(lines.get(1).get("stack_trace").asText()).contains("IllegalStateException: boom");
    }

    @Test
    void nothingIsWrittenBeforeFilesStart() throws Exception {
        Logging.configureConsole(LogProfile.INFO);
        LOG.info("console only");
        assertThat(Logging.filesStarted()).isFalse();
        assertThat(files()).isEmpty();
        assertThat(console()).contains("console only");
    }

    @Test
    void inJobSetsTheJobForTheWorkAndRestoresTheOuterOne() throws Exception {
        try (MDC.MDCCloseable outer = Logging.job("outer")) {
            String inner = Logging.inJob("inner", () -> MDC.get(Logging.JOB_KEY));
            assertThat(inner).isEqualTo("inner");
            assertThat(MDC.get(Logging.JOB_KEY)).isEqualTo("outer");
            assertThat(outer).isNotNull();
        }
        Logging.inJob("alone", () -> null);
        assertThat(MDC.get(Logging.JOB_KEY)).isNull();
    }

    @Test
    void jobNamesCannotEscapeTheLogFolder() {
        assertThat(Logging.jobFile(logDir, "../../etc/passwd")).isEqualTo(logDir.resolve("qlir.._.._etc_passwd.log"));
        assertThat(Logging.jobFile(logDir, "")).isEqualTo(logDir.resolve("qlir.log"));
    }
}
