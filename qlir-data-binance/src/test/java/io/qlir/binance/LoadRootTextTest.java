package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.qlir.binance.load.LoadResult;
import io.qlir.core.Interval;
import io.qlir.data.file.FetchInfo;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.slice.SliceKey;
import io.qlir.testkit.BinanceRecordings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Binance.load} with the data root as text: a local path loads the recording as the {@link Path} overload
 * does; a URL whose scheme no reader on the class path serves (no qlir-s3 here) is one error naming it and what is
 * valid. (Reading {@code s3://} through qlir-s3 is tested there, against S3Mock.)
 */
class LoadRootTextTest {

    @TempDir
    Path root;

    @Test
    void aLocalRootGivenAsTextLoadsTheRecordingAsThePathDoes() throws Exception {
        ArrayNode page = BinanceRecordings.rows(BinanceRecordings.SPOT_30M);
        SliceSeries series = new SliceSeries("binance", "klines", "BTCUSDT", Interval.M30, 1000);
        try (SliceDirectory dir = SliceDirectory.open(root, series)) {
            long first = page.get(0).get(0).asLong();
            dir.setGridAnchor(first);
            SliceKey key = series.key(first);
            ArrayNode rows = JsonNodeFactory.instance.arrayNode();
            page.forEach(rows::add);
            dir.write(key, rows, new FetchInfo("http://replay/api/v3/klines", Map.of("symbol", "BTCUSDT"), 200,
                    Instant.parse("2019-05-30T00:00:00Z")));
        }
        Instant from = Instant.parse("2019-04-11T00:00:00Z");
        Instant to = Instant.parse("2019-04-30T00:00:00Z");
        LoadResult text = Binance.load(root.toString(), Endpoint.KLINES, "BTCUSDT", Interval.M30, null, null);
        Expected.assertCandles(text.candles(), Expected.rows(page));
        LoadResult bounded = Binance.load(root.toString(), Endpoint.KLINES, "BTCUSDT", Interval.M30, from, to);
        assertThat(bounded.candles().toString()).isEqualTo(Binance.load(root, Endpoint.KLINES, "BTCUSDT",
                Interval.M30, from, to).candles().toString());
        assertThat(bounded.candles().rowCount()).isEqualTo(500);
    }

    @Test
    void aSchemeNoReaderServesIsOneErrorSayingWhatIsValid() {
        assertThatThrownBy(() -> Binance.load("s3://research/qlir", Endpoint.KLINES, "BTCUSDT", Interval.M1, null,
                null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read data root 's3://research/qlir': no reader for s3:// on the class path; valid:"
                        + " a local folder (qlir-s3 reads s3:// roots)");
        assertThatThrownBy(() -> Binance.load("gs://b/p", Endpoint.KLINES, "BTCUSDT", Interval.M1, null, null))
                .hasMessageStartingWith("cannot read data root 'gs://b/p': no reader for gs://");
    }
}
