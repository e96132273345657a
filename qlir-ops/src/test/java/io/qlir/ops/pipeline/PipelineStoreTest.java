package io.qlir.ops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.core.Interval;
import io.qlir.ops.dataset.DatasetFingerprint;
import io.qlir.ops.dataset.DatasetSource;
import io.qlir.testkit.BinanceRecordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class PipelineStoreTest {

    private static final Instant CREATED = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant RAN = Instant.parse("2024-05-02T08:30:00Z");

    @TempDir
    Path root;

    private PipelineStore store(Instant now) {
        return PipelineStore.inDataRoot(root).withClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void createListShowRunEndToEnd() throws IOException {
        PipelineSpec created = store(CREATED).create("trend", "sma(close,20,50); range_shock(14)\n"
                + "band_touches(close, 20, 2)", "trend with shocks", false);
        Path file = root.resolve("pipelines/trend.json");
        assertThat(file).exists();
        assertThat(created.ops()).containsExactly("sma(close,20,50)", "range_shock(14)", "band_touches(close,20,2)");
        assertThat(created.created()).isEqualTo(CREATED);
        assertThat(created.lastRunIfAny()).isEmpty();

        List<PipelineListing> listed = store(RAN).list();
        assertThat(listed).hasSize(1);
        PipelineSpec fromList = ((PipelineListing.Loaded) listed.get(0)).spec();
        assertThat(fromList).isEqualTo(created);
        assertThat(fromList.notes()).isEqualTo("trend with shocks");

        PipelineDescription shown = store(RAN).show("trend");
        assertThat(shown.columns()).extracting(ColumnSemantics::column).containsExactly("close_sma_20",
                "close_sma_50", "range_shock_14", "close_boll_mid_20_2", "close_boll_upper_20_2",
                "close_boll_lower_20_2", "close_boll_20_2_touch_lower", "close_boll_20_2_touch_mid",
                "close_boll_20_2_touch_upper", "close_boll_20_2_position");
        ColumnSemantics sma20 = shown.columns().get(0);
        assertThat(sma20.op()).isEqualTo("sma(close,20,50)");
        assertThat(sma20.render()).isEqualTo(
                "SMA(base_col=close, window=20, rows_used=[i-19 .. i], write_col=close_sma_20, write_row=i)");
        assertThat(shown.columns().get(2).rowsUsed()).isEqualTo("[i-14 .. i]");
        assertThat(shown.columns().get(9).op()).isEqualTo("band_touches(close,20,2)");

        Table candles = BinanceRecordings.candles(BinanceRecordings.SPOT_30M);
        DatasetFingerprint fp = DatasetFingerprint.of(candles,
                new DatasetSource("BTCUSDT", Interval.M30, "klines", List.of("aa11", "bb22")));
        PipelineRun run = store(RAN).run("trend", candles, fp);
        assertThat(run.derived().columns()).hasSize(10);
        assertThat(run.derived().table().rowCount()).isEqualTo(500);
        assertThat(run.derived().table().doubleColumn("close_sma_20").getDouble(19))
                .isEqualTo(mean(candles.doubleColumn("close").asDoubleArray(), 0, 20), within1e9());

        LastRun last = store(RAN).spec("trend").lastRunIfAny().orElseThrow();
        assertThat(last.at()).isEqualTo(RAN);
        assertThat(last.rows()).isEqualTo(500);
        assertThat(last.fingerprint()).isEqualTo(fp);
        assertThat(last.outputColumns()).containsExactlyElementsOf(run.derived().columns());
        assertThat(store(RAN).spec("trend").created()).isEqualTo(CREATED);
        assertThat(Files.readString(file)).contains("\"last_run\"", "\"symbol\" : \"BTCUSDT\"", "\"rows\" : 500");

        List<Path> written = run.writeCsv(root.resolve("out/trend.csv"));
        assertThat(written).containsExactly(root.resolve("out/trend.csv"),
                root.resolve("out/trend.csv.fingerprint.json"));
        assertThat(Files.readAllLines(written.get(0))).hasSize(501).first().asString()
                .startsWith("open_time,open,high,low,close").endsWith("close_boll_20_2_position");
        assertThat(DatasetFingerprint.read(written.get(1))).isEqualTo(fp);
    }

    @Test
    void anExistingPipelineIsNotOverwrittenUnlessForced() throws IOException {
        store(CREATED).create("trend", "sma(close,20)", null, false);
        Path file = root.resolve("pipelines/trend.json");
        String before = Files.readString(file);

        assertThatThrownBy(() -> store(RAN).create("trend", "sma(close,50)", null, false))
                .isInstanceOf(PipelineException.class).hasMessageContaining("'trend' already exists")
                .hasMessageContaining("--force");
        assertThat(Files.readString(file)).isEqualTo(before);

        PipelineSpec replaced = store(RAN).create("trend", "sma(close,50)", null, true);
        assertThat(replaced.ops()).containsExactly("sma(close,50)");
        assertThat(store(RAN).spec("trend")).isEqualTo(replaced);
    }

    @Test
    void anUnknownOpIsOneErrorNamingTheOpAndNothingIsWritten() {
        assertThatThrownBy(() -> store(CREATED).create("trend", "sma(close,20); frobnicate(3)", null, false))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("op 2 'frobnicate(3)'")
                .hasMessageContaining("unknown op 'frobnicate'")
                .hasMessageContaining("sma");
        assertThat(root.resolve("pipelines/trend.json")).doesNotExist();
    }

    @Test
    void anOpThatCannotRunOnCandlesIsRefusedBeforeWriting() {
        assertThatThrownBy(() -> store(CREATED).create("cross", "cross_up(close,close_sma_20)", null, false))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("op 1 'cross_up(close,close_sma_20)'")
                .hasMessageContaining("close_sma_20");
        assertThat(root.resolve("pipelines/cross.json")).doesNotExist();

        PipelineSpec ok = store(CREATED).create("cross", "sma(close,20); cross_up(close,close_sma_20)", null, false);
        assertThat(ok.ops()).hasSize(2);
    }

    @Test
    void anUnknownOpInAStoredFileNamesTheFileAndTheOp() throws IOException {
        Path file = write("edited", "{\"name\":\"edited\",\"ops\":[\"sma(close,20)\",\"smaa(close,5)\"],"
                + "\"created\":\"2024-05-01T10:00:00Z\"}");
        assertThatThrownBy(() -> store(RAN).spec("edited")).isInstanceOf(PipelineException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("op 2 'smaa(close,5)'")
                .hasMessageContaining("unknown op")
                .satisfies(e -> assertThat(((PipelineException) e).file()).contains(file));
    }

    @Test
    void aMalformedSpecFileIsOneClearErrorAndListStillShowsTheOthers() throws IOException {
        store(CREATED).create("good", "arp(14)", null, false);
        Path broken = write("broken", "{\"name\": \"broken\", \"ops\": [\"sma(close,20)\"");
        Path noOps = write("no-ops", "{\"name\": \"no-ops\", \"created\": \"2024-05-01T10:00:00Z\"}");
        Path renamed = write("renamed", "{\"name\": \"other\", \"ops\": [\"arp(14)\"], "
                + "\"created\": \"2024-05-01T10:00:00Z\"}");
        Path badTime = write("bad-time", "{\"name\": \"bad-time\", \"ops\": [\"arp(14)\"], \"created\": \"May 1\"}");

        assertThatThrownBy(() -> store(RAN).spec("broken")).isInstanceOf(PipelineException.class)
                .hasMessageContaining(broken.toString()).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> store(RAN).spec("no-ops")).hasMessageContaining(noOps.toString())
                .hasMessageContaining("\"ops\"");
        assertThatThrownBy(() -> store(RAN).spec("renamed")).hasMessageContaining(renamed.toString())
                .hasMessageContaining("'other'");
        assertThatThrownBy(() -> store(RAN).spec("bad-time")).hasMessageContaining(badTime.toString())
                .hasMessageContaining("'May 1'").hasMessageContaining("ISO-8601");

        List<PipelineListing> listed = store(RAN).list();
        assertThat(listed).extracting(l -> l.file().getFileName().toString())
                .containsExactly("bad-time.json", "broken.json", "good.json", "no-ops.json", "renamed.json");
        assertThat(listed).filteredOn(l -> l instanceof PipelineListing.Loaded).hasSize(1);
        assertThat(listed.get(1)).isInstanceOf(PipelineListing.Unreadable.class);
        assertThat(((PipelineListing.Unreadable) listed.get(1)).problem()).contains("not valid JSON");
    }

    @Test
    void aMissingPipelineListsTheStoredOnes() {
        store(CREATED).create("alpha", "arp(14)", null, false);
        assertThatThrownBy(() -> store(RAN).spec("beta")).isInstanceOf(PipelineException.class)
                .hasMessageContaining("no pipeline named 'beta'").hasMessageContaining("[alpha]");
        assertThat(PipelineStore.at(root.resolve("nowhere")).list()).isEmpty();
    }

    @Test
    void badNamesAreRefusedWithTheRule() {
        assertThatThrownBy(() -> store(CREATED).create("Trend!", "arp(14)", null, false))
                .isInstanceOf(PipelineException.class).hasMessageContaining("'Trend!'")
                .hasMessageContaining("lower case");
        assertThatThrownBy(() -> store(CREATED).create("../escape", "arp(14)", null, false))
                .hasMessageContaining("'../escape'");
        assertThatThrownBy(() -> store(CREATED).create("empty", "  ", null, false))
                .hasMessageContaining("at least one op");
    }

    @Test
    void aRunThatFailsOnItsInputNamesTheOp() {
        store(CREATED).create("vw", "vwap()", null, false);
        Table noVolume = BinanceRecordings.candles(BinanceRecordings.SPOT_30M).removeColumns("volume");
        assertThatThrownBy(() -> store(RAN).run("vw", noVolume, DatasetFingerprint.of(noVolume)))
                .isInstanceOf(PipelineException.class).hasMessageContaining("op 1 'vwap()'")
                .hasMessageContaining("volume");
        assertThat(store(RAN).spec("vw").lastRunIfAny()).isEmpty();
    }

    private Path write(String name, String json) throws IOException {
        Path f = root.resolve("pipelines").resolve(name + ".json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, json);
        return f;
    }

    private static double mean(double[] x, int from, int n) {
        double s = 0;
        for (int i = from; i < from + n; i++) {
            s += x[i];
        }
        return s / n;
    }

    private static org.assertj.core.data.Offset<Double> within1e9() {
        return org.assertj.core.data.Offset.offset(1e-9 * 10_000);
    }
}
