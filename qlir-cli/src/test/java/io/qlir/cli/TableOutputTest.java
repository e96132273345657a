package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableOutputTest {

    private static Table table() {
        return Table.create("t",
                LongColumn.create("open_time", 1_555_000_200_000L, 1_555_002_000_000L),
                DoubleColumn.create("volume", 12_345_678.9, Double.NaN),
                DoubleColumn.create("tiny", 1e-7, 1.0),
                BooleanColumn.create("touch", true, false),
                StringColumn.create("label", "a,b", "say \"hi\""));
    }

    @Test
    void csvIsPlainAndExact() throws Exception {
        StringWriter out = new StringWriter();
        TableOutput.write(table(), OutputFormat.CSV, out);
        assertThat(out.toString()).isEqualTo("open_time,volume,tiny,touch,label\n"
                + "1555000200000,12345678.9,0.00000010,true,\"a,b\"\n"
                + "1555002000000,,1.0,false,\"say \"\"hi\"\"\"\n");
    }

    @Test
    void jsonHasOneObjectPerRowAndNullForMissing() throws Exception {
        StringWriter out = new StringWriter();
        TableOutput.write(table(), OutputFormat.JSON, out);
        assertThat(out.toString()).startsWith("[\n{\"open_time\":1555000200000,\"volume\":12345678.9,")
                .endsWith("\"label\":\"say \\\"hi\\\"\"}\n]\n").doesNotContain("E+");
        assertThat(out.toString().lines().count()).isEqualTo(4);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.size()).isEqualTo(2);
        assertThat(json.get(0).get("open_time").asLong()).isEqualTo(1_555_000_200_000L);
        assertThat(json.get(0).get("tiny").asDouble()).isEqualTo(1e-7);
        assertThat(json.get(1).get("volume").isNull()).isTrue();
        assertThat(json.get(1).get("label").asText()).isEqualTo("say \"hi\"");
    }

    @Test
    void plainDecimalsReadBackAsTheSameDouble() {
        for (double d : new double[] {0.1, 1e22, 123.456e-12, 5089.21, 0.00000001, 1e7, Math.PI}) {
            assertThat(Double.parseDouble(TableOutput.plain(d).toPlainString())).isEqualTo(d);
            assertThat(TableOutput.plain(d).toPlainString()).doesNotContain("E");
        }
    }
}
