package io.qlir.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Parsing {@code s3://} locations and choosing which files a push takes. */
class S3LocationTest {

    @Test
    void parsesBucketAndPrefixAndBuildsKeys() {
        S3Location l = S3Location.parse("s3://research/qlir/mirror/");
        assertThat(l.bucket()).isEqualTo("research");
        assertThat(l.prefix()).isEqualTo("qlir/mirror");
        assertThat(l.key("binance/klines/x.json")).isEqualTo("qlir/mirror/binance/klines/x.json");
        assertThat(l.keyPrefix()).isEqualTo("qlir/mirror/");
        assertThat(l).hasToString("s3://research/qlir/mirror");
        S3Location root = S3Location.parse("s3://research");
        assertThat(root.key("a/b")).isEqualTo("a/b");
        assertThat(root.keyPrefix()).isEmpty();
    }

    @Test
    void badLocationsNameTheTextAndWhatIsValid() {
        assertThatThrownBy(() -> S3Location.parse("research/qlir")).hasMessage("not an S3 location: 'research/qlir';"
                + " valid: s3://BUCKET or s3://BUCKET/PREFIX, BUCKET of 3-63 lowercase letters, digits, '.' or '-'");
        assertThatThrownBy(() -> S3Location.parse("s3://Bad_Bucket/x")).hasMessageStartingWith(
                "bad S3 location 's3://Bad_Bucket/x': bad bucket name 'Bad_Bucket'");
    }

    @Test
    void theFilterMatchesSliceDirectoriesByPositionAndTheDatasetByFolderName() {
        PushFilter btc1m = PushFilter.all().withSymbol("BTCUSDT").withInterval("1m");
        assertThat(btc1m.matches("binance/klines/raw/BTCUSDT/1m/limit=1000/manifest.json")).isTrue();
        assertThat(btc1m.matches("binance/uiklines/raw/BTCUSDT/1m/limit=1000/responses/a.json")).isTrue();
        assertThat(btc1m.matches("binance/klines/raw/BTCUSDT/1mo/limit=1000/manifest.json")).isFalse();
        assertThat(btc1m.matches("binance/klines/raw/ETHUSDT/1m/limit=1000/manifest.json")).isFalse();
        assertThat(btc1m.matches("parquet/binance/klines/symbol=BTCUSDT/interval=1m/y=2024.parquet")).isTrue();
        assertThat(btc1m.matches("parquet/binance/klines/symbol=BTCUSDT/interval=1h/y=2024.parquet")).isFalse();
        assertThat(btc1m.withEndpoint("uiklines").matches("binance/klines/raw/BTCUSDT/1m/limit=1000/m.json"))
                .isFalse();
        assertThat(btc1m.matches("README.txt")).isFalse();
        assertThat(PushFilter.all().matches("README.txt")).isTrue();
    }
}
