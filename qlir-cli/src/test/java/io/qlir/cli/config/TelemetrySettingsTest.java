package io.qlir.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The telemetry settings: off/auto by default, the usual precedence, and one clear error per bad value. */
class TelemetrySettingsTest {

    @TempDir
    Path work;

    private RuntimeConfig.Resolver resolver() {
        return RuntimeConfig.resolver().workingDir(work).homeDir(work);
    }

    @Test
    void offAndAutoByDefault() {
        RuntimeConfig c = resolver().resolve();
        assertThat(c.telemetry().metricsAddress()).isEmpty();
        assertThat(c.telemetry().healthMaxLag()).isEmpty();
        assertThat(c.valueText(Setting.METRICS_ADDRESS)).isEqualTo("off");
        assertThat(c.valueText(Setting.HEALTH_MAX_LAG)).isEqualTo("auto");
    }

    @Test
    void flagBeatsEnvironmentBeatsFile() throws Exception {
        Files.writeString(work.resolve("qlir.json"),
                "{\"telemetry\": {\"metricsAddress\": \"127.0.0.1:9000\", \"healthMaxLag\": \"10m\"}}");
        RuntimeConfig fileOnly = resolver().resolve();
        assertThat(fileOnly.telemetry().metricsAddress()).hasValue(new InetSocketAddress(
                InetAddress.getByName("127.0.0.1"), 9000));
        assertThat(fileOnly.telemetry().healthMaxLag()).hasValue(Duration.ofMinutes(10));
        assertThat(fileOnly.origin(Setting.HEALTH_MAX_LAG).source()).isEqualTo(Origin.Source.FILE);

        RuntimeConfig c = resolver()
                .environment(Map.of("QLIR_METRICS_ADDRESS", "127.0.0.1:9100", "QLIR_HEALTH_MAX_LAG", "auto"))
                .flag(Setting.METRICS_ADDRESS, "127.0.0.1:9464")
                .resolve();
        assertThat(c.valueText(Setting.METRICS_ADDRESS)).isEqualTo("127.0.0.1:9464");
        assertThat(c.origin(Setting.METRICS_ADDRESS)).isEqualTo(new Origin(Origin.Source.FLAG, "--metrics-address"));
        assertThat(c.telemetry().healthMaxLag()).isEmpty();
        assertThat(c.origin(Setting.HEALTH_MAX_LAG)).isEqualTo(new Origin(Origin.Source.ENV, "QLIR_HEALTH_MAX_LAG"));
        assertThat(resolver().flag(Setting.METRICS_ADDRESS, "[::1]:9464").resolve().valueText(
                Setting.METRICS_ADDRESS)).isEqualTo("[0:0:0:0:0:0:0:1]:9464");
    }

    @Test
    void badValuesNameTheSettingTheLayerAndAValidForm() {
        assertThatThrownBy(() -> resolver().flag(Setting.METRICS_ADDRESS, "9464").resolve())
                .hasMessage("bad metrics-address from flag --metrics-address: '9464' is not HOST:PORT; for example"
                        + " 127.0.0.1:9464 (this machine only), 0.0.0.0:9464 (every interface) or off");
        assertThatThrownBy(() -> resolver().environment(Map.of("QLIR_METRICS_ADDRESS", "127.0.0.1:70000")).resolve())
                .hasMessageContaining("bad metrics-address from env QLIR_METRICS_ADDRESS: '127.0.0.1:70000' is not"
                        + " HOST:PORT");
        assertThatThrownBy(() -> resolver().flag(Setting.HEALTH_MAX_LAG, "0s").resolve())
                .hasMessageContaining("bad health-max-lag from flag --health-max-lag: '0s' must be longer than zero");
    }
}
