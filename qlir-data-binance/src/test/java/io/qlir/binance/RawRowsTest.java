package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.core.Interval;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rows are stored as Binance sent them, numbers included. */
class RawRowsTest {

    @Test
    void numbersAndStringsSurviveTheTreeUnchanged() {
        String body = "[[1714564800000,\"1.50000000\",2.50000000,0.5,1e2,\"10.0\",1714564859999,\"15.0\",3,"
                + "\"5.0\",\"7.5\",\"0\"]]";
        KlineBatch b = KlineBatch.parse(KlineQuery.of(Endpoint.KLINES, "BTCUSDT", Interval.M1),
                body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
        assertThat(RawRows.of(b).toString()).isEqualTo(body.replace("1e2", "1E+2"));
        assertThat(RawRows.of(b).get(0).get(2).decimalValue().toPlainString()).isEqualTo("2.50000000");
    }
}
