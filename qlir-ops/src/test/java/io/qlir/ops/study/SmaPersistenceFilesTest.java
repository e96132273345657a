package io.qlir.ops.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.ops.dataset.DatasetFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class SmaPersistenceFilesTest {

    @Test
    void writesEveryTableTheSettingsAndTheFingerprint(@TempDir Path dir) throws IOException {
        Table t = CloseTables.pattern("DUUDUFUUUDDDUD");
        SmaPersistence r = Studies.smaPersistence(t, SmaPersistenceOptions.builder().windows(1).decimals(4).build());
        DatasetFingerprint fp = DatasetFingerprint.of(t);

        List<Path> files = r.writeTo(dir.resolve("out"), fp);

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(SmaPersistence.FILES);
        assertThat(Files.readString(dir.resolve("out/summary.csv"))).isEqualTo(
                "window,direction,runs,censored_runs,mean,median,p90,max\n"
                + "1,up,4,0,1.75,1.5,2.7,3\n"
                + "1,down,2,2,2.0,2.0,2.8,3\n");
        assertThat(Files.readString(dir.resolve("out/censored.csv"))).isEqualTo(
                "window,direction,censoring,start_row,length\n1,down,start,1,1\n1,down,end,14,1\n");
        assertThat(Files.readString(dir.resolve("out/study.json"))).contains("\"study\" : \"sma_persistence\"",
                "\"decimals\" : 4", "\"rows\" : 15");
        assertThat(DatasetFingerprint.read(dir.resolve("out/fingerprint.json"))).isEqualTo(fp);
    }
}
