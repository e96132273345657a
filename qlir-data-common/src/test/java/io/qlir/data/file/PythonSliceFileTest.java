package io.qlir.data.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceVerdict;
import io.qlir.testkit.BinanceRecordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A slice file as the Python qlir writes it: json.dump(indent=2), its own meta keys, ISO times with +00:00. */
class PythonSliceFileTest {

    static Path pythonFile() throws IOException {
        return BinanceRecordings.pythonQlirSliceFile(Files.createTempDirectory("python-qlir"));
    }

    @Test
    void readsPythonMetaKeys() throws Exception {
        SliceFile f = SliceFile.read(pythonFile());
        SliceMeta m = f.meta();
        assertThat(m.key()).isEqualTo(SliceKey.parse("BTCUSDT:30m:1554991200000:500"));
        assertThat(m.sliceId()).isEqualTo("fed092777a733060bcb45c53241b43ad");
        assertThat(m.verdict()).isEqualTo(SliceVerdict.COMPLETE);
        assertThat(m.nItems()).isEqualTo(500);
        assertThat(m.receivedFirstOpenMs()).isEqualTo(1554991200000L);
        assertThat(m.receivedLastOpenMs()).isEqualTo(1555889400000L);
        assertThat(m.completedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.456789Z"));
        assertThat(m.fetch().requestedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.123456Z"));
        assertThat(m.fetch().httpStatus()).isEqualTo(200);
        assertThat(m.fetch().params()).contains(Map.entry("symbol", "BTCUSDT"), Map.entry("interval", "30m"),
                Map.entry("startTime", "1554991200000"), Map.entry("limit", "500"));
        assertThat(m.dataSha256()).isNull();
        assertThat(m.writer()).isNull();
        assertThat(m.rawText("data_root")).isEqualTo("/home/researcher/qlir_data");
        assertThat(f.rows()).hasSize(500);
    }

    @Test
    void scanHashesTheIndentedDataArray() throws Exception {
        SliceScan.Parsed s = (SliceScan.Parsed) SliceFile.scan(pythonFile(), RowFormat.OPEN_TIME_FIRST);
        assertThat(s.rowCount()).isEqualTo(500);
        assertThat(s.summary().isFull(s.meta().key())).isTrue();
        assertThat(s.computedSha256()).hasSize(64);
    }

    @Test
    void readsTimeFormats() {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        assertThat(MetaCodec.time(f.textNode("2025-03-01T10:00:00Z"))).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(MetaCodec.time(f.textNode("2025-03-01T10:00:00.5+01:00")))
                .isEqualTo(Instant.parse("2025-03-01T09:00:00.5Z"));
        assertThat(MetaCodec.time(f.textNode("2025-03-01 10:00:00"))).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(MetaCodec.time(f.numberNode(1000L))).isEqualTo(Instant.ofEpochMilli(1000));
        assertThat(MetaCodec.time(f.textNode("yesterday"))).isNull();
    }
}
