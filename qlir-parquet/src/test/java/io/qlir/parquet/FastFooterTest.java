package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.parquet.format.AesGcmV1;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.EncryptionAlgorithm;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.MicroSeconds;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast footer parse against parquet-java's own reading of the same files: the same rows and, for every candle
 * column of every row group, the same chunk position, size and codec; null (parquet-java's path) for what it leaves
 * alone, case by case; and on damaged footer bytes never a failure of its own (null, or chunks for every column).
 */
class FastFooterTest {

    @TempDir
    Path root;

    private Path mine;

    @BeforeEach
    void writeAMonth() throws IOException {
        int n = 45_000; // three pages a column
        CandleColumns cols = new CandleColumns(n);
        Random rnd = new Random(3);
        for (int c = 0; c < cols.longs.length; c++) {
            for (int i = 0; i < n; i++) {
                if (cols.longs[c] != null) {
                    cols.longs[c][i] = 1_704_067_200_000L + 60_000L * i + (c == 0 ? 0 : rnd.nextInt(1000));
                } else {
                    cols.doubles[c][i] = Math.round(rnd.nextGaussian() * 1e6) / 100.0;
                }
            }
        }
        mine = root.resolve("mine/candles.parquet");
        MonthWriter.write(mine, cols, 0, n, MonthFile.metadata("s", true, List.of()));
    }

    /** parquet-java's view of a file, in the fast footer's terms. */
    private static List<FastFooter.Group> byParquetJava(Path file) throws IOException {
        List<FastFooter.Group> out = new ArrayList<>();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), MonthReader.options())) {
            for (BlockMetaData block : r.getRowGroups()) {
                FastFooter.Chunk[] chunks = new FastFooter.Chunk[CandleSchema.columns().size()];
                for (ColumnChunkMetaData m : block.getColumns()) {
                    int c = CandleSchema.columns().indexOf(m.getPath().toDotString());
                    if (c >= 0) {
                        chunks[c] = new FastFooter.Chunk(m.getStartingPos(), m.getTotalSize(),
                                m.getCodec() == CompressionCodecName.ZSTD);
                    }
                }
                out.add(new FastFooter.Group(block.getRowCount(), chunks));
            }
        }
        return out;
    }

    private static FastFooter parse(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            return FastFooter.parse(ch, file);
        }
    }

    private static void assertSameAsParquetJava(Path file) throws IOException {
        FastFooter fast = parse(file);
        assertThat(fast).as("%s takes the fast path", file).isNotNull();
        List<FastFooter.Group> expected = byParquetJava(file);
        assertThat(fast.groups()).hasSameSizeAs(expected);
        long rows = 0;
        for (int g = 0; g < expected.size(); g++) {
            assertThat(fast.groups().get(g).rows()).isEqualTo(expected.get(g).rows());
            assertThat(fast.groups().get(g).chunks()).containsExactly(expected.get(g).chunks());
            rows += expected.get(g).rows();
        }
        assertThat(fast.rows()).isEqualTo(rows);
    }

    @Test
    void qlirsOwnFileAndDuckDbsFilesWithExtraColumnsGiveParquetJavasChunksAndAMicrosFileIsLeftToParquetJava()
            throws Exception {
        assertSameAsParquetJava(mine);
        Path v2 = root.resolve("duck-v2.parquet");
        Path extra = root.resolve("duck-extra.parquet");
        Path micros = root.resolve("duck-micros.parquet");
        String src = "read_parquet('" + mine.toString().replace('\\', '/') + "')";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String millis = "epoch_ms(open_time) AS open_time, open, high, low, close, volume, epoch_ms(close_time)"
                    + " AS close_time, quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume";
            s.execute("COPY (SELECT " + millis + " FROM " + src + ") TO '" + v2.toString().replace('\\', '/')
                    + "' (FORMAT parquet, COMPRESSION zstd, PARQUET_VERSION V2, ROW_GROUP_SIZE 20000)");
            // 17 columns: the schema and chunk lists take the compact protocol's long list header (15 or more)
            s.execute("COPY (SELECT 'x' || trades AS note, " + millis + ", trades * 2 AS more, open AS o2, high AS h2,"
                    + " low AS l2, close AS c2 FROM " + src
                    + ") TO '" + extra.toString().replace('\\', '/') + "' (FORMAT parquet, COMPRESSION uncompressed)");
            s.execute("COPY (SELECT * FROM " + src + ") TO '" + micros.toString().replace('\\', '/')
                    + "' (FORMAT parquet, COMPRESSION zstd)");
        }
        assertSameAsParquetJava(v2);
        assertThat(byParquetJava(v2)).as("several row groups").hasSizeGreaterThan(1);
        assertSameAsParquetJava(extra);
        assertThat(parse(micros)).as("TIMESTAMP(MICROS): parquet-java's path names the column").isNull();
    }

    /** The first footer's Thrift structure, changed by {@code change}, written back, parsed by the fast path. */
    private FastFooter parseChanged(java.util.function.Consumer<FileMetaData> change) throws IOException {
        byte[] file = Files.readAllBytes(mine);
        int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        FileMetaData meta = Util.readFileMetaData(new java.io.ByteArrayInputStream(file, file.length - 8 - length,
                length));
        change.accept(meta);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Util.writeFileMetaData(meta, out);
        Path changed = root.resolve("changed.parquet");
        writeWithFooter(changed, file, 0, out.toByteArray());
        return parse(changed);
    }

    private static ColumnMetaData chunkMeta(FileMetaData m, int column) {
        return m.getRow_groups().get(0).getColumns().get(column).getMeta_data();
    }

    @Test
    void eachKindOfFooterTheFastPathLeavesToParquetJavaGivesNull() throws IOException {
        List<FastFooter.Group> truth = byParquetJava(mine);
        FastFooter same = parseChanged(m -> { });
        assertThat(same).as("the footer written back unchanged").isNotNull();
        assertThat(same.groups().get(0).chunks()).containsExactly(truth.get(0).chunks());

        java.util.Map<String, java.util.function.Consumer<FileMetaData>> unusual = new java.util.LinkedHashMap<>();
        unusual.put("a chunk compressed with SNAPPY", m -> chunkMeta(m, 1).setCodec(CompressionCodec.SNAPPY));
        unusual.put("a dictionary encoding", m -> chunkMeta(m, 1).getEncodings().add(Encoding.RLE_DICTIONARY));
        unusual.put("a chunk in another file", m -> m.getRow_groups().get(0).getColumns().get(1)
                .setFile_path("elsewhere.parquet"));
        unusual.put("a chunk of another physical type", m -> chunkMeta(m, 1).setType(Type.FLOAT));
        unusual.put("an optional candle column", m -> m.getSchema().get(2)
                .setRepetition_type(FieldRepetitionType.OPTIONAL));
        unusual.put("a candle column of another type", m -> m.getSchema().get(2).setType(Type.INT64));
        unusual.put("timestamps in microseconds", m -> m.getSchema().get(1).setLogicalType(LogicalType.TIMESTAMP(
                new TimestampType(true, TimeUnit.MICROS(new MicroSeconds())))));
        unusual.put("a candle column twice", m -> {
            m.getSchema().add(m.getSchema().get(2).deepCopy());
            m.getSchema().get(0).setNum_children(m.getSchema().get(0).getNum_children() + 1);
        });
        unusual.put("a nested group", m -> {
            SchemaElement group = new SchemaElement("extra");
            group.setNum_children(1);
            group.setRepetition_type(FieldRepetitionType.OPTIONAL);
            SchemaElement leaf = new SchemaElement("x");
            leaf.setType(Type.INT32);
            leaf.setRepetition_type(FieldRepetitionType.OPTIONAL);
            m.getSchema().add(group);
            m.getSchema().add(leaf);
            m.getSchema().get(0).setNum_children(m.getSchema().get(0).getNum_children() + 1);
        });
        unusual.put("a candle column missing", m -> {
            m.getSchema().remove(m.getSchema().size() - 1);
            m.getSchema().get(0).setNum_children(m.getSchema().get(0).getNum_children() - 1);
        });
        unusual.put("an encryption algorithm (plaintext footer)", m -> m.setEncryption_algorithm(
                EncryptionAlgorithm.AES_GCM_V1(new AesGcmV1())));
        unusual.put("a row count the row groups do not add up to", m -> m.setNum_rows(m.getNum_rows() + 1));
        for (var e : unusual.entrySet()) {
            assertThat(parseChanged(e.getValue())).as(e.getKey()).isNull();
        }
    }

    @Test
    void everyTruncationAndManyCorruptionsOfTheFooterGiveNullOrTheTrueChunksAndNeverAnExceptionOfTheirOwn()
            throws IOException {
        byte[] file = Files.readAllBytes(mine);
        int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int footerStart = file.length - 8 - length;
        byte[] footer = Arrays.copyOfRange(file, footerStart, footerStart + length);
        List<FastFooter.Group> truth = byParquetJava(mine);
        Path damaged = root.resolve("damaged.parquet");
        for (int keep = 0; keep < length; keep++) {
            writeWithFooter(damaged, file, footerStart, Arrays.copyOf(footer, keep));
            assertNullOrTrue(parse(damaged), truth, "footer cut to " + keep + " bytes");
        }
        Random rnd = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            byte[] f = footer.clone();
            for (int k = 0; k <= round % 4; k++) {
                f[rnd.nextInt(f.length)] = (byte) rnd.nextInt(256);
            }
            writeWithFooter(damaged, file, footerStart, f);
            assertNullOrTrue(parse(damaged), truth, "corruption round " + round);
        }
        byte[] deep = new byte[4096];
        Arrays.fill(deep, (byte) 0x1C); // field 1, a struct, nested again and again
        writeWithFooter(damaged, file, footerStart, deep);
        assertThat(parse(damaged)).as("deeply nested structs").isNull();
    }

    private static void assertNullOrTrue(FastFooter f, List<FastFooter.Group> truth, String what) {
        if (f == null) {
            return;
        }
        // a damaged byte inside a value the parse skips (statistics, metadata strings) leaves the chunks as they are
        if (f.groups().size() == truth.size()) {
            boolean same = true;
            for (int g = 0; g < truth.size(); g++) {
                same &= Arrays.equals(f.groups().get(g).chunks(), truth.get(g).chunks())
                        && f.groups().get(g).rows() == truth.get(g).rows();
            }
            if (same) {
                return;
            }
        }
        // or damage an offset or size itself, which only the pages can tell: the reader checks those
        assertThat(f.groups()).as(what).allSatisfy(g -> assertThat(g.chunks()).doesNotContainNull());
    }

    /** The file's first bytes (its magic) and a footer: the parse reads only the footer, wherever the data is. */
    private static void writeWithFooter(Path target, byte[] file, int footerStart, byte[] footer) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 + footer.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(file, 0, 4).put(footer).putInt(footer.length).put(new byte[] {'P', 'A', 'R', '1'});
        Files.write(target, b.array());
    }
}
