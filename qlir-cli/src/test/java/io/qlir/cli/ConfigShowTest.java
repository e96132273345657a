package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.cli.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qlir config show}: every layer shows up with its origin, as a table and as JSON. */
class ConfigShowTest {

    @TempDir
    Path temp;

    @Test
    void theTableShowsEachValueAndWhereItCameFrom() throws Exception {
        CliRunner cli = new CliRunner(temp).env("QLIR_BINANCE_BASE_URL", "http://127.0.0.1:9999/");
        Files.writeString(cli.workingDir().resolve("qlir.json"),
                "{\"logProfile\": \"prod\", \"retry\": {\"maxAttempts\": 3}, \"baseUrl\": \"https://file.example\"}");
        CliRunner.Result r = cli.run("config", "show", "--data-root", "store");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path file = cli.workingDir().resolve("qlir.json");
        assertThat(r.out()).containsPattern("data-root +" + cli.workingDir().resolve("store") + " +flag --data-root")
                .containsPattern("base-url +http://127.0.0.1:9999 +env QLIR_BINANCE_BASE_URL")
                .containsPattern("log-profile +prod +file " + file)
                .containsPattern("retry-max-attempts +3 +file " + file)
                .containsPattern("connect-timeout +10s +default")
                .containsPattern("log-dir +" + cli.workingDir().resolve("store").resolve("logs") + " +default")
                .contains("config file: " + file);
        assertThat(CliRunner.filesUnder(temp)).containsExactlyInAnyOrder("home", "work", "work/qlir.json");
    }

    @Test
    void jsonHasValueSourceAndOriginPerSetting() throws Exception {
        CliRunner cli = new CliRunner(temp).env("QLIR_DATA_ROOT", "~/d");
        CliRunner.Result r = cli.run("config", "show", "--json", "--log-profile", "debug");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("configFile").isNull()).isTrue();
        JsonNode dataRoot = json.get("settings").get("data-root");
        assertThat(dataRoot.get("value").asText()).isEqualTo(cli.homeDir().resolve("d").toString());
        assertThat(dataRoot.get("source").asText()).isEqualTo("env");
        assertThat(dataRoot.get("from").asText()).isEqualTo("QLIR_DATA_ROOT");
        assertThat(json.get("settings").get("log-profile").get("source").asText()).isEqualTo("flag");
        assertThat(json.get("settings").get("weight-budget").get("value").asText()).isEqualTo("6000");
        assertThat(json.get("settings").size()).isEqualTo(Setting.values().length).isEqualTo(14);
    }

    @Test
    void aMissingConfigFileIsBadInput() {
        CliRunner.Result r = new CliRunner(temp).run("config", "show", "--config", "nope.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("qlir: config file", "nope.json (--config) does not exist");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aConfigFileWithATypoListsTheValidKeys() throws Exception {
        CliRunner cli = new CliRunner(temp);
        Files.writeString(cli.workingDir().resolve("qlir.json"), "{\"dataroot\": \"/x\"}");
        CliRunner.Result r = cli.run("config", "show");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown key 'dataroot'", "valid keys: dataRoot, baseUrl");
    }

    @Test
    void configAloneIsBadUsage() {
        CliRunner.Result r = new CliRunner(temp).run("config");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("missing subcommand", "show");
    }
}
