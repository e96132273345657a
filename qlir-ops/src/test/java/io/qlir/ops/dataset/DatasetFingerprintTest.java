package io.qlir.ops.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Candles;
import io.qlir.core.Interval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class DatasetFingerprintTest {

    private static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00Z

    static Table candles(int n) {
        Candles.Builder b = Candles.builder(n);
        for (int i = 0; i < n; i++) {
            double c = 100 + i;
            b.add(T0 + i * 60_000L, c, c + 1, c - 1, c + 0.5, 10, T0 + (i + 1) * 60_000L - 1, 1000, 5, 4, 400);
        }
        return b.build();
    }

    @Test
    void withProvenanceTheHashCoversTheSliceChecksumsInOrder() {
        DatasetFingerprint fp = DatasetFingerprint.of(candles(3),
                new DatasetSource("BTCUSDT", Interval.M1, "klines", List.of("aa11", "bb22")));
        // printf 'aa11\nbb22\n' | sha256sum
        assertThat(fp.hash()).isEqualTo("0bd51dc2c1216f8247b4db6815259659661c10cab0b1e95191a19d68b2f2bff4");
        assertThat(fp.hashBasis()).isEqualTo(HashBasis.SLICE_CHECKSUMS);
        assertThat(fp.sliceCount()).isEqualTo(2);
        assertThat(fp.rowCount()).isEqualTo(3);
        assertThat(fp.firstOpenTime()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(fp.lastOpenTime()).isEqualTo(Instant.parse("2024-01-01T00:02:00Z"));
        assertThat(fp.describe()).startsWith("BTCUSDT 1m klines 2024-01-01T00:00:00Z .. 2024-01-01T00:02:00Z, 3 rows");

        DatasetFingerprint swapped = DatasetFingerprint.of(candles(3),
                new DatasetSource("BTCUSDT", Interval.M1, "klines", List.of("bb22", "aa11")));
        assertThat(swapped.hash()).isNotEqualTo(fp.hash());
    }

    @Test
    void noSlicesHashToTheEmptyInput() {
        DatasetFingerprint fp = DatasetFingerprint.of(candles(0),
                new DatasetSource("BTCUSDT", Interval.M1, "klines", List.of()));
        assertThat(fp.hash()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(fp.firstOpenTime()).isNull();
    }

    @Test
    void withoutProvenanceTheHashCoversTheTableAndChangesWithAnyValue() {
        Table a = candles(50);
        DatasetFingerprint fa = DatasetFingerprint.of(a);
        assertThat(fa.symbol()).isNull();
        assertThat(fa.interval()).isNull();
        assertThat(fa.hashBasis()).isEqualTo(HashBasis.TABLE_CONTENT);
        assertThat(DatasetFingerprint.of(candles(50))).isEqualTo(fa);

        Table b = candles(50);
        b.doubleColumn("close").set(17, 117.500001);
        assertThat(DatasetFingerprint.of(b).hash()).isNotEqualTo(fa.hash());
        assertThat(DatasetFingerprint.of(candles(49)).hash()).isNotEqualTo(fa.hash());
    }

    @Test
    void jsonRoundTripsAndIsWrittenBesideTheResult(@TempDir Path dir) throws IOException {
        DatasetFingerprint fp = DatasetFingerprint.of(candles(3),
                new DatasetSource("ETHUSDT", Interval.MO1, "uiklines", List.of("aa11")));
        Path out = dir.resolve("trend.csv");
        Path written = fp.writeBeside(out);
        assertThat(written).isEqualTo(dir.resolve("trend.csv.fingerprint.json"));
        String json = Files.readString(written);
        assertThat(json).contains("\"symbol\" : \"ETHUSDT\"", "\"interval\" : \"1M\"", "\"endpoint\" : \"uiklines\"",
                "\"first_open_time\" : \"2024-01-01T00:00:00Z\"", "\"row_count\" : 3",
                "\"hash_basis\" : \"slice_checksums\"");
        assertThat(DatasetFingerprint.read(written)).isEqualTo(fp);

        DatasetFingerprint anonymous = DatasetFingerprint.of(candles(0));
        assertThat(DatasetFingerprint.read(anonymous.write(dir.resolve("a.json")))).isEqualTo(anonymous);
    }

    @Test
    void aBrokenFingerprintFileIsOneErrorNamingTheFileAndField(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("fp.json");
        Files.writeString(f, "{\"row_count\": 3, \"slice_count\": 0, \"hash_basis\": \"table_content\"}");
        assertThatThrownBy(() -> DatasetFingerprint.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("hash");
        Files.writeString(f, "{not json");
        assertThatThrownBy(() -> DatasetFingerprint.read(f)).hasMessageContaining(f.toString());
    }

    @Test
    void aSourceNeedsASymbolAndEndpoint() {
        assertThatThrownBy(() -> new DatasetSource(" ", Interval.M1, "klines", List.of()))
                .hasMessageContaining("symbol");
        assertThatThrownBy(() -> new DatasetSource("BTCUSDT", Interval.M1, "", List.of()))
                .hasMessageContaining("endpoint");
    }
}
