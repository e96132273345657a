package io.qlir.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.cli.logging.LogProfile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeConfigTest {

    @TempDir
    Path temp;

    private Path work;
    private Path home;

    @BeforeEach
    void setUp() throws Exception {
        work = Files.createDirectories(temp.resolve("work"));
        home = Files.createDirectories(temp.resolve("home"));
    }

    private RuntimeConfig.Resolver resolver() {
        return RuntimeConfig.resolver().workingDir(work).homeDir(home);
    }

    @Test
    void defaultsWhenNothingIsSet() {
        RuntimeConfig c = resolver().resolve();
        assertThat(c.dataRoot()).isEqualTo(home.resolve("qlir_data"));
        assertThat(c.baseUrl()).isEqualTo(URI.create("https://api.binance.com"));
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.weightBudget()).isEqualTo(6000);
        assertThat(c.retry()).isEqualTo(new RetrySettings(8, Duration.ofMillis(500), Duration.ofSeconds(30)));
        assertThat(c.logProfile()).isEqualTo(LogProfile.INFO);
        assertThat(c.logDir()).isEqualTo(home.resolve("qlir_data").resolve("logs"));
        assertThat(c.configFile()).isEmpty();
        for (Setting s : Setting.values()) {
            assertThat(c.origin(s)).as(s.wireCode()).isEqualTo(new Origin(Origin.Source.DEFAULT, ""));
        }
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        Path file = Files.writeString(work.resolve("qlir.json"),
                "{\"dataRoot\": \"/from/file\", \"baseUrl\": \"http://file:1\", \"logProfile\": \"debug\"}");
        RuntimeConfig c = resolver()
                .environment(Map.of("QLIR_DATA_ROOT", "/from/env", "QLIR_BINANCE_BASE_URL", "http://env:2"))
                .flag(Setting.DATA_ROOT, "/from/flag")
                .resolve();
        assertThat(c.dataRoot()).isEqualTo(Path.of("/from/flag"));
        assertThat(c.origin(Setting.DATA_ROOT)).isEqualTo(new Origin(Origin.Source.FLAG, "--data-root"));
        assertThat(c.baseUrl()).isEqualTo(URI.create("http://env:2"));
        assertThat(c.origin(Setting.BASE_URL)).isEqualTo(new Origin(Origin.Source.ENV, "QLIR_BINANCE_BASE_URL"));
        assertThat(c.logProfile()).isEqualTo(LogProfile.DEBUG);
        assertThat(c.origin(Setting.LOG_PROFILE)).isEqualTo(new Origin(Origin.Source.FILE, file.toString()));
        assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.origin(Setting.READ_TIMEOUT).source()).isEqualTo(Origin.Source.DEFAULT);
        assertThat(c.configFile()).contains(file);
    }

    @Test
    void blankEnvironmentValuesCountAsUnset() {
        RuntimeConfig c = resolver().environment(Map.of("QLIR_LOG_PROFILE", "  ")).resolve();
        assertThat(c.origin(Setting.LOG_PROFILE).source()).isEqualTo(Origin.Source.DEFAULT);
    }

    @Test
    void anExplicitConfigFileReplacesTheImplicitOneAndItsRelativePathsAreItsOwn() throws Exception {
        Files.writeString(work.resolve("qlir.json"), "{\"weightBudget\": 1}");
        Path dir = Files.createDirectories(temp.resolve("etc"));
        Path file = Files.writeString(dir.resolve("prod.json"),
                "{\"dataRoot\": \"store\", \"logDir\": \"~/logs\", \"weightBudget\": \"1200\","
                        + " \"retry\": {\"initialBackoff\": \"PT1S\", \"maxBackoff\": \"2m\"}}");
        RuntimeConfig c = resolver().configFile(Path.of("../etc/prod.json")).resolve();
        assertThat(c.configFile()).contains(file);
        assertThat(c.dataRoot()).isEqualTo(dir.resolve("store"));
        assertThat(c.logDir()).isEqualTo(home.resolve("logs"));
        assertThat(c.weightBudget()).isEqualTo(1200);
        assertThat(c.retry().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.retry().maxBackoff()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.valueText(Setting.RETRY_MAX_BACKOFF)).isEqualTo("2m");
    }

    @Test
    void relativeFlagPathsResolveAgainstTheWorkingDirectory() {
        RuntimeConfig c = resolver().flag(Setting.DATA_ROOT, "a/../b").flag(Setting.LOG_DIR, "~").resolve();
        assertThat(c.dataRoot()).isEqualTo(work.resolve("b"));
        assertThat(c.logDir()).isEqualTo(home);
    }

    @Test
    void aBadValueNamesTheSettingItsOriginAndWhatIsValid() {
        assertThatThrownBy(() -> resolver().environment(Map.of("QLIR_READ_TIMEOUT", "30 secs")).resolve())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad read-timeout from env QLIR_READ_TIMEOUT: '30 secs' is not a duration")
                .hasMessageContaining("500ms, 10s, 2m");
        assertThatThrownBy(() -> resolver().flag(Setting.WEIGHT_BUDGET, "0").resolve())
                .hasMessage("bad weight-budget from flag --weight-budget: '0' is not a positive whole number");
        assertThatThrownBy(() -> resolver().flag(Setting.LOG_PROFILE, "loud").resolve())
                .hasMessageContaining("unknown log profile 'loud'; valid: prod, info, debug");
    }

    @Test
    void aBackoffCapBelowTheFirstBackoffIsRejected() {
        assertThatThrownBy(() -> resolver().environment(Map.of("QLIR_RETRY_MAX_BACKOFF", "100ms")).resolve())
                .hasMessageContaining("retry-max-backoff (100ms) must not be shorter than retry-initial-backoff"
                        + " (500ms)")
                .hasMessageContaining("env QLIR_RETRY_MAX_BACKOFF");
    }

    @Test
    void badConfigFilesSayWhatIsWrongAndWhere() throws Exception {
        Path file = work.resolve("qlir.json");
        Files.writeString(file, "{\"dataRoot\": ");
        assertThatThrownBy(() -> resolver().resolve()).hasMessageContaining("config file " + file
                + " is not valid JSON").hasMessageContaining("line 1");
        Files.writeString(file, "[1]");
        assertThatThrownBy(() -> resolver().resolve()).hasMessageContaining("must hold a JSON object");
        Files.writeString(file, "{\"retry\": {\"max\": 3}}");
        assertThatThrownBy(() -> resolver().resolve()).hasMessageContaining("unknown key 'retry.max'")
                .hasMessageContaining("retry.maxAttempts");
        Files.writeString(file, "{\"dataRoot\": [\"a\"]}");
        assertThatThrownBy(() -> resolver().resolve()).hasMessageContaining("key 'dataRoot'")
                .hasMessageContaining("must be a string").hasMessageContaining("got array");
        Files.writeString(file, "{\"dataRoot\": 5}"); // not a folder named 5
        assertThatThrownBy(() -> resolver().resolve()).hasMessageContaining("key 'dataRoot'")
                .hasMessageContaining("must be a string").hasMessageContaining("got number 5");
        Files.writeString(file, "{\"weightBudget\": 10, \"weightBudget\": 20}");
        assertThatThrownBy(() -> resolver().resolve()).hasMessageContaining("is not valid JSON")
                .hasMessageContaining("Duplicate field 'weightBudget'");
    }

    @Test
    void originsAreFrozen() {
        RuntimeConfig c = resolver().resolve();
        assertThatThrownBy(() -> c.origins().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
