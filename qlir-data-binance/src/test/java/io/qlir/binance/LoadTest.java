package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.qlir.binance.load.GapReport;
import io.qlir.binance.load.LoadResult;
import io.qlir.core.Candles;
import io.qlir.core.Interval;
import io.qlir.data.file.SliceFileException;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.NoSuchSeriesException;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.SliceReader;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreDamagedException;
import io.qlir.testkit.FakeBinance;
import io.qlir.testkit.FakeSymbol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The loader over data a fetch stored: bounds, forming candles, errors. */
class LoadTest {

    static final Instant NOW = Instant.parse("2024-01-04T12:34:56Z");
    static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);
    static final FetchJob JOB = FetchJob.of(Endpoint.KLINES, "BTCUSDT", Interval.M5).withLimit(100);
    static final long M5 = 300_000L;

    @TempDir
    Path root;
    List<JsonNode> all;
    long first;

    @BeforeEach
    void fetch() throws Exception {
        try (FakeBinance fake = Stores.market(FIXED).start(); BinanceClient client = Stores.client(fake, FIXED).build()) {
            BinanceFetcher.builder(client, root).build().fetch(JOB);
            first = fake.firstOpenTime("BTCUSDT", Interval.M5);
            all = Expected.rows(Stores.tree(fake.rowsJson("BTCUSDT", Interval.M5, first,
                    fake.formingOpenTime(Interval.M5))));
        }
    }

    @Test
    void everythingStoredLoadsAsOneSortedTableWithoutTheFormingCandle() {
        LoadResult r = Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M5).limit(100).load();
        Expected.assertCandles(r.candles(), all.subList(0, all.size() - 1));
        assertThat(r.formingLeftOut()).isEqualTo(1);
        assertThat(r.replaced()).isZero();
        assertThat(r.filesRead()).isEqualTo(11);
        assertThat(r.gaps().isComplete()).isTrue();
        assertThat(r.gaps().expected()).isEqualTo(all.size() - 1);
        assertThat(r.gaps().first()).isEqualTo(Instant.ofEpochMilli(first));

        LoadResult forming = Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M5).limit(100)
                .includeForming(true).load();
        Expected.assertCandles(forming.candles(), all);
        assertThat(forming.formingLeftOut()).isZero();
    }

    @Test
    void fromAndToAreInclusiveBoundsOnTheOpenTime() {
        long from = first + 123 * M5;
        long to = first + 456 * M5;
        Table t = Binance.load(root, Endpoint.KLINES, "BTCUSDT", Interval.M5, Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(to), 100).candles();
        Expected.assertCandles(t, all.subList(123, 457));

        Table inner = Binance.load(root, Endpoint.KLINES, "BTCUSDT", Interval.M5, Instant.ofEpochMilli(from + 1),
                Instant.ofEpochMilli(to - 1), 100).candles();
        Expected.assertCandles(inner, all.subList(124, 456));

        Table one = Binance.load(root, Endpoint.KLINES, "BTCUSDT", Interval.M5, Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(from), 100).candles();
        Expected.assertCandles(one, all.subList(123, 124));

        LoadResult none = Binance.load(root, Endpoint.KLINES, "BTCUSDT", Interval.M5, Instant.ofEpochMilli(from + 1),
                Instant.ofEpochMilli(from + 2), 100);
        assertThat(none.candles().rowCount()).isZero();
        assertThat(none.gaps().expected()).isZero();
        Candles.validate(none.candles());
    }

    @Test
    void anExplicitEndAfterNowStopsAtTheNewestClosedCandle() {
        Table t = Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M5).limit(100).clock(FIXED)
                .between(Instant.ofEpochMilli(first), NOW.plusSeconds(86_400)).reindex(true).load().candles();
        Expected.assertCandles(t, all.subList(0, all.size() - 1));
    }

    @Test
    void missingDataGetsOneErrorNamingThePathAndWhatIsThere() throws Exception {
        assertThatThrownBy(() -> Binance.load(root.resolve("nowhere"), Endpoint.KLINES, "BTCUSDT", Interval.M5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Binance.load(root, Endpoint.KLINES, "ETHUSDT", Interval.M1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ETHUSDT" + java.io.File.separator + "1m")
                .hasMessageContaining("BTCUSDT [5m/limit=100]");
        assertThatThrownBy(() -> Binance.load(root, Endpoint.UI_KLINES, "BTCUSDT", Interval.M5))
                .hasMessageContaining("no binance/uiklines data").hasMessageContaining("[klines]");
        assertThatThrownBy(() -> Binance.load(root, Endpoint.KLINES, "btcusdt", Interval.M5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'btcusdt'");
        assertThatThrownBy(() -> Binance.load(root, Endpoint.KLINES, "BTCUSDT", Interval.M5, NOW, NOW.minusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is after its end");
        Path file = root.resolve("a-file");
        Files.writeString(file, "x", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Binance.load(file, Endpoint.KLINES, "BTCUSDT", Interval.M5))
                .hasMessageContaining("is not a directory");
    }

    @Test
    void noSuchSeriesIsOneUncheckedExceptionFromTheLoaderAndTheReader() {
        SliceSeries eth = FetchJob.of(Endpoint.KLINES, "ETHUSDT", Interval.M5).withLimit(100).series();
        assertThatThrownBy(() -> Binance.load(root, Endpoint.KLINES, "ETHUSDT", Interval.M5, NOW.minusSeconds(600),
                NOW, 100)).isInstanceOf(NoSuchSeriesException.class)
                .satisfies(e -> assertThat(((NoSuchSeriesException) e).series()).isEqualTo(eth));
        assertThatThrownBy(() -> SliceReader.open(root, eth)).isInstanceOf(NoSuchSeriesException.class)
                .hasMessageContaining("BTCUSDT [5m/limit=100]");
    }

    @Test
    void aDamagedSliceFileIsOneStoreDamagedExceptionNamingTheFileFromTheLoaderAndTheReader() throws Exception {
        SliceReader reader = SliceReader.open(root, JOB.series());
        SliceEntry entry = reader.entries(Long.MIN_VALUE, Long.MAX_VALUE).get(0);
        Path file = Layout.sliceFile(JOB.series().directory(root), entry.key());
        byte[] bytes = Files.readAllBytes(file);
        bytes[0] = 'x'; // damaged in place: same size, no longer JSON (a changed size would look like a writer)
        Files.write(file, bytes);
        assertThatThrownBy(() -> reader.read(entry)).isInstanceOf(StoreDamagedException.class)
                .hasMessageContaining(file.getFileName().toString()).hasCauseInstanceOf(SliceFileException.class)
                .satisfies(e -> assertThat(((StoreDamagedException) e).directory())
                        .isEqualTo(JOB.series().directory(root)));
        assertThatThrownBy(() -> Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M5).limit(100).load())
                .isInstanceOf(StoreDamagedException.class).hasMessageContaining(file.getFileName().toString());
    }

    @Test
    void aSecondLoaderCanReadWhileTheWriterHoldsTheDirectory() throws Exception {
        try (SliceDirectory writer = SliceDirectory.open(root, JOB.series())) {
            assertThat(writer.path()).exists();
            LoadResult r = Binance.loader(root, Endpoint.KLINES, "BTCUSDT", Interval.M5).limit(100).load();
            assertThat(r.candles().rowCount()).isEqualTo(all.size() - 1);
        }
    }

    @Test
    void monthlyCandlesUseCalendarMonths() throws Exception {
        Path months = root.resolve("months");
        FetchJob job = FetchJob.of(Endpoint.KLINES, "OLDUSDT", Interval.MO1).withLimit(12);
        try (FakeBinance fake = FakeBinance.builder().symbol(FakeSymbol.trading("OLDUSDT",
                Instant.parse("2019-11-20T00:00:00Z"))).clock(FIXED).start();
                BinanceClient client = Stores.client(fake, FIXED).build()) {
            FetchSummary s = BinanceFetcher.builder(client, months).build().fetch(job);
            assertThat(s.attempted()).isEqualTo(5); // Nov 2019 .. Jan 2024: 51 months in slices of 12
            List<JsonNode> rows = Expected.rows(Stores.tree(fake.rowsJson("OLDUSDT", Interval.MO1,
                    Instant.parse("2019-11-01T00:00:00Z").toEpochMilli(), Instant.parse("2024-01-01T00:00:00Z")
                            .toEpochMilli())));
            LoadResult r = Binance.loader(months, Endpoint.KLINES, "OLDUSDT", Interval.MO1).limit(12).reindex(true)
                    .load();
            Expected.assertCandles(r.candles(), rows.subList(0, rows.size() - 1));
            assertThat(r.candles().rowCount()).isEqualTo(50);
            assertThat(r.gaps().describe()).contains("50 of 50 1M candles").contains("no gaps");
            GapReport g = r.gaps();
            assertThat(g.last()).isEqualTo(Instant.parse("2023-12-01T00:00:00Z"));
        }
    }
}
