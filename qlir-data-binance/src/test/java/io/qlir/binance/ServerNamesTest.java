package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Interval;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.slice.SliceKey;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeSymbol;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every name that becomes a path is checked wherever it comes from (issue 13 §4 defect 11): a symbol must hold a
 * letter or digit, so {@code .} and {@code ..} from a server's exchangeInfo never become folders.
 */
class ServerNamesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-02T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void dotsAloneAreNoSymbolAnywhere() {
        for (String bad : new String[] {".", "..", "-", "_", "..."}) {
            assertThatThrownBy(() -> new SliceKey(bad, Interval.M1, 0, 10)).hasMessageContaining("bad symbol '" + bad)
                    .hasMessageContaining("at least one letter or digit");
            assertThatThrownBy(() -> new SliceSeries("binance", "klines", bad, Interval.M1, 10))
                    .hasMessageContaining("bad symbol");
            assertThatThrownBy(() -> FetchJob.of(Endpoint.KLINES, bad, Interval.M1))
                    .hasMessageContaining("at least one letter or digit");
        }
        assertThat(new SliceKey("BTC-USD.X", Interval.M1, 0, 10).symbol()).isEqualTo("BTC-USD.X");
        assertThat(FetchJob.of(Endpoint.KLINES, "1INCHUSDT", Interval.M1).symbol()).isEqualTo("1INCHUSDT");
    }

    @Test
    void serveAllSkipsASymbolFromExchangeInfoThatCannotBeAFolder() throws Exception {
        Instant listed = Instant.parse("2024-01-01T00:00:00Z");
        try (FakeBinance fake = FakeBinance.builder().seed(7).symbol(FakeSymbol.trading("BTCUSDT", listed))
                .symbol(FakeSymbol.trading("..", listed)).symbol(FakeSymbol.trading(".", listed)).clock(CLOCK).start();
                BinanceClient client = Stores.client(fake, CLOCK).build();
                BinanceDataServer server = BinanceDataServer.builder(client, root)
                        .allTrading(Endpoint.KLINES, Interval.H1, null).start()) {
            assertThat(server.jobs()).extracting(FetchJob::symbol).containsExactly("BTCUSDT");
            server.stop();
            assertThat(server.awaitTermination(java.time.Duration.ofSeconds(20))).isTrue();
        }
    }
}
