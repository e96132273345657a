package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Interval;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EndpointAndQueryTest {

    @Test
    void endpointsHaveWireCodesPathsAndTheDocumentedWeight() {
        assertThat(Endpoint.parse("klines")).isEqualTo(Endpoint.KLINES);
        assertThat(Endpoint.parse("uiklines")).isEqualTo(Endpoint.UI_KLINES);
        assertThat(Endpoint.KLINES.path()).isEqualTo("/api/v3/klines");
        assertThat(Endpoint.UI_KLINES.path()).isEqualTo("/api/v3/uiKlines");
        assertThat(Endpoint.CODEC.encode(Endpoint.UI_KLINES)).isEqualTo("uiklines");
        assertThatThrownBy(() -> Endpoint.parse("uiKlines")).hasMessageContaining("unknown endpoint 'uiKlines'")
                .hasMessageContaining("valid: klines, uiklines");
        // Binance spot docs: klines and uiKlines weigh 2 for every limit
        for (int limit : new int[] {1, 99, 100, 499, 500, 999, 1000}) {
            assertThat(Endpoint.KLINES.weight(limit)).isEqualTo(2);
            assertThat(Endpoint.UI_KLINES.weight(limit)).isEqualTo(2);
        }
        assertThatThrownBy(() -> Endpoint.KLINES.weight(1001)).hasMessageContaining("limit 1001 is out of range");
    }

    @Test
    void aQueryIsCheckedOnceWithMessagesNamingTheInput() {
        KlineQuery q = KlineQuery.of(Endpoint.KLINES, "BTCUSDT", Interval.M1);
        assertThat(q.limit()).isEqualTo(1000);
        assertThat(q.startTime()).isEmpty();
        assertThat(q.between(0, 59_999).withLimit(1)).isEqualTo(new KlineQuery(Endpoint.KLINES, "BTCUSDT",
                Interval.M1, OptionalLong.of(0), OptionalLong.of(59_999), 1));
        assertThat(KlineQuery.firstCandle(Endpoint.UI_KLINES, "ETHBTC", Interval.D1).describe())
                .isEqualTo("uiklines ETHBTC 1d [1970-01-01T00:00:00Z .. ] limit=1");
        assertThat(q.withStartTime(5).withEndTime(6).weight()).isEqualTo(2);

        assertThatThrownBy(() -> KlineQuery.of(Endpoint.KLINES, "btcusdt", Interval.M1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbol 'btcusdt' is not a Binance symbol")
                .hasMessageContaining("for example BTCUSDT");
        assertThatThrownBy(() -> KlineQuery.of(Endpoint.KLINES, "", Interval.M1)).hasMessageContaining("symbol ''");
        assertThatThrownBy(() -> KlineQuery.of(Endpoint.KLINES, "A_VERY_LONG_SYMBOL_NAME", Interval.M1))
                .hasMessageContaining("1 to 20");
        assertThatThrownBy(() -> q.withLimit(0))
                .hasMessageContaining("limit 0 is out of range; Binance accepts 1 to 1000");
        assertThatThrownBy(() -> q.withLimit(1001)).hasMessageContaining("limit 1001");
        assertThatThrownBy(() -> q.withStartTime(-1)).hasMessageContaining("startTime -1 is negative");
        assertThatThrownBy(() -> q.withEndTime(-5)).hasMessageContaining("endTime -5 is negative");
        assertThatThrownBy(() -> q.between(2_000, 1_000)).hasMessageContaining("startTime 2000")
                .hasMessageContaining("is after endTime 1000");
    }
}
