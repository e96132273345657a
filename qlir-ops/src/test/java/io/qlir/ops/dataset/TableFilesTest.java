package io.qlir.ops.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableFilesTest {

    @Test
    void csvIsExactAndMissingValuesAreEmpty(@TempDir Path dir) throws IOException {
        IntColumn n = IntColumn.create("n", new int[] {1, 2});
        n.setMissing(1);
        BooleanColumn b = BooleanColumn.create("b", new boolean[] {true, false});
        b.setMissing(1);
        Table t = Table.create("t", n,
                LongColumn.create("time", new long[] {1_704_067_200_000L, 9_007_199_254_740_993L}),
                DoubleColumn.create("x", new double[] {0.1 + 0.2, Double.NaN}), b,
                StringColumn.create("s", new String[] {"a,b", "say \"hi\""}));
        Path f = TableFiles.writeCsv(t, dir.resolve("sub/t.csv"));
        assertThat(Files.readString(f)).isEqualTo("n,time,x,b,s\n"
                + "1,1704067200000,0.30000000000000004,true,\"a,b\"\n"
                + ",9007199254740993,,,\"say \"\"hi\"\"\"\n");
        try (var files = Files.list(f.getParent())) {
            assertThat(files).containsExactly(f);   // no temp file left behind
        }
    }

    @Test
    void writtenFilesGetTheUsualPermissionsNotOwnerOnly(@TempDir Path dir) throws IOException {
        Path ordinary = Files.createFile(dir.resolve("ordinary"));
        Path written = dir.resolve("written");
        TableFiles.writeAtomically(written, new byte[] {1, 2, 3});
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(ordinary));
        }
        assertThat(Files.readAllBytes(written)).containsExactly(1, 2, 3);
    }
}
