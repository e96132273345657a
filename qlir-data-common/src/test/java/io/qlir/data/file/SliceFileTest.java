package io.qlir.data.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qlir.core.Candles;
import io.qlir.core.Interval;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import io.qlir.testkit.BinanceRecordings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class SliceFileTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    // The 30m recording: 500 rows from 2019-04-11T14:00Z, exactly the golden key BTCUSDT:30m:1554991200000:500.
    static final SliceKey KEY = SliceKey.parse("BTCUSDT:30m:1554991200000:500");

    @TempDir
    Path dir;

    static long[] opens(ArrayNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).mapToLong(r -> r.get(0).longValue()).toArray();
    }

    private SliceMeta writeFixture(Path file) throws IOException {
        ArrayNode rows = BinanceRecordings.rows(BinanceRecordings.SPOT_30M);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", "BTCUSDT");
        params.put("interval", "30m");
        params.put("startTime", "1554991200000");
        params.put("limit", "500");
        FetchInfo fetch = new FetchInfo("https://venue.example/klines?x", params, 200,
                Instant.parse("2025-01-01T00:00:00Z"));
        SliceMeta meta = SliceMeta.forWrite(KEY, "binance", "klines", fetch, SliceVerdict.COMPLETE,
                RowSummary.of(KEY, opens(rows)), Instant.parse("2025-01-01T00:00:01.5Z"), KEY.startMs());
        return SliceFile.write(file, meta, rows);
    }

    @Test
    void writeThenReadKeepsRowsExactlyAndMeta() throws IOException {
        Path file = dir.resolve(KEY.id().fileName());
        SliceMeta written = writeFixture(file);
        SliceFile back = SliceFile.read(file);
        assertThat(back.rows()).isEqualTo(BinanceRecordings.rows(BinanceRecordings.SPOT_30M));
        SliceMeta m = back.meta();
        assertThat(m.key()).isEqualTo(KEY);
        assertThat(m.sliceId()).isEqualTo("fed092777a733060bcb45c53241b43ad");
        assertThat(m.verdict()).isEqualTo(SliceVerdict.COMPLETE);
        assertThat(m.nItems()).isEqualTo(500);
        assertThat(m.receivedFirstOpenMs()).isEqualTo(1554991200000L);
        assertThat(m.receivedLastOpenMs()).isEqualTo(1554991200000L + 499 * 1_800_000L);
        assertThat(m.completedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:01.5Z"));
        assertThat(m.fetch().requestedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(m.fetch().params()).containsExactly(Map.entry("symbol", "BTCUSDT"), Map.entry("interval", "30m"),
                Map.entry("startTime", "1554991200000"), Map.entry("limit", "500"));
        assertThat(m.fetch().httpStatus()).isEqualTo(200);
        assertThat(m.venue()).isEqualTo("binance");
        assertThat(m.endpoint()).isEqualTo("klines");
        assertThat(m.gridAnchorMs()).isEqualTo(KEY.startMs());
        assertThat(m.writer()).isEqualTo("qlir-java");
        assertThat(m.qlirVersion()).isNotBlank().isNotEqualTo("unknown");
        assertThat(m.dataSha256()).isEqualTo(written.dataSha256());
        Table t = Candles.fromRawRows(back.rowsAsLists());
        assertThat(t.rowCount()).isEqualTo(500);
        assertThat(t.doubleColumn("open").get(0)).isEqualTo(4986.23);
    }

    @Test
    void dataHashIsOverTheExactBytesOfTheDataArray() throws Exception {
        Path file = dir.resolve(KEY.id().fileName());
        SliceMeta written = writeFixture(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // independent: the data array is everything between ,"data": and the final "}\n"
        int from = text.indexOf(",\"data\":") + ",\"data\":".length();
        int to = text.length() - 2;
        assertThat(text.substring(to)).isEqualTo("}\n");
        byte[] data = text.substring(from, to).getBytes(StandardCharsets.UTF_8);
        assertThat((char) data[0]).isEqualTo('[');
        assertThat((char) data[data.length - 1]).isEqualTo(']');
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        assertThat(written.dataSha256()).isEqualTo(expected);
        SliceScan.Parsed scan = (SliceScan.Parsed) SliceFile.scan(file, RowFormat.OPEN_TIME_FIRST);
        assertThat(scan.computedSha256()).isEqualTo(expected);
        assertThat(scan.meta().dataSha256()).isEqualTo(expected);
        assertThat(scan.openTimes()).isEqualTo(opens(BinanceRecordings.rows(BinanceRecordings.SPOT_30M)));
        assertThat(scan.size()).isEqualTo(Files.size(file));
        // one row per line: the file is greppable
        assertThat(text.lines().count()).isEqualTo(1 + 500 + 1);
    }

    @Test
    void scanViaTreeFormatAgreesWithStreaming() throws IOException {
        Path file = dir.resolve(KEY.id().fileName());
        writeFixture(file);
        RowFormat viaTree = row -> row.get(0).longValue();
        SliceScan.Parsed a = (SliceScan.Parsed) SliceFile.scan(file, viaTree);
        SliceScan.Parsed b = (SliceScan.Parsed) SliceFile.scan(file, RowFormat.OPEN_TIME_FIRST);
        assertThat(a.openTimes()).isEqualTo(b.openTimes());
        assertThat(a.computedSha256()).isEqualTo(b.computedSha256());
    }

    @Test
    void emptySliceWritesAnEmptyArray() throws IOException {
        SliceKey k = new SliceKey("BTCUSDT", Interval.M1, 0, 10);
        SliceMeta meta = SliceMeta.forWrite(k, "v", "e", FetchInfo.UNKNOWN,
                new SliceVerdict(SliceStatus.EMPTY, SliceReason.NO_DATA), RowSummary.EMPTY, Instant.EPOCH, null);
        Path file = dir.resolve(k.id().fileName());
        SliceMeta written = SliceFile.write(file, meta, MAPPER.createArrayNode());
        assertThat(Files.readString(file)).endsWith(",\"data\":[]}\n");
        SliceFile back = SliceFile.read(file);
        assertThat(back.rows()).isEmpty();
        assertThat(back.meta().receivedFirstOpenMs()).isNull();
        assertThat(back.meta().dataSha256()).isEqualTo(written.dataSha256());
    }

    @Test
    void rowCountMustMatchTheMeta() throws IOException {
        SliceMeta meta = SliceMeta.forWrite(KEY, "v", "e", FetchInfo.UNKNOWN, SliceVerdict.COMPLETE,
                RowSummary.EMPTY, Instant.EPOCH, null);
        assertThatThrownBy(() -> SliceFile.write(dir.resolve("x.json"), meta,
                BinanceRecordings.rows(BinanceRecordings.SPOT_30M)))
                .hasMessageContaining("n_items=0 but 500 rows");
    }

    @Test
    void damageIsClassified() throws IOException {
        Path good = dir.resolve("good.json");
        writeFixture(good);
        byte[] bytes = Files.readAllBytes(good);
        assertThat(problem("zero.json", new byte[0])).isEqualTo(SliceScan.Problem.ZERO_BYTE);
        assertThat(problem("half.json", Arrays.copyOf(bytes, bytes.length / 2))).isEqualTo(SliceScan.Problem.TRUNCATED);
        assertThat(problem("garbage.json", "hello".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SliceScan.Problem.MALFORMED);
        assertThat(problem("array.json", "[1,2]".getBytes(StandardCharsets.UTF_8))).isEqualTo(SliceScan.Problem.MALFORMED);
        assertThat(problem("nometa.json", "{\"data\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SliceScan.Problem.BAD_META);
        assertThat(problem("badkey.json", "{\"meta\":{\"slice_comp_key\":\"BTCUSDT:1x:0:1\"},\"data\":[]}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(SliceScan.Problem.BAD_META);
        assertThat(problem("nodata.json", "{\"meta\":{\"slice_comp_key\":\"BTCUSDT:1m:0:1\"}}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(SliceScan.Problem.BAD_ROWS);
        assertThat(problem("stringopen.json", "{\"meta\":{\"slice_comp_key\":\"BTCUSDT:1m:0:1\"},\"data\":[[\"0\"]]}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(SliceScan.Problem.BAD_ROWS);
        assertThat(problem("trailing.json", (new String(bytes, StandardCharsets.UTF_8) + "{}")
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(SliceScan.Problem.MALFORMED);
        Path zero = dir.resolve("zero.json");
        assertThatThrownBy(() -> SliceFile.read(zero)).isInstanceOf(SliceFileException.class)
                .hasMessageContaining(zero.toString()).hasMessageContaining("zero_byte");
    }

    private SliceScan.Problem problem(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        SliceScan s = SliceFile.scan(f, RowFormat.OPEN_TIME_FIRST);
        assertThat(s).isInstanceOf(SliceScan.Unreadable.class);
        return ((SliceScan.Unreadable) s).problem();
    }
}
