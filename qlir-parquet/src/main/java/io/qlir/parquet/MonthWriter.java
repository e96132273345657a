package io.qlir.parquet;

import io.qlir.data.file.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Writes rows {@code [from, to)} of candle columns as one month file: the {@link CandleSchema} columns, ZSTD,
 * statistics on, the given key-value metadata, replaced atomically through {@link AtomicFiles} (temp file, fsync,
 * rename, fsync of the folder), so a reader sees the old file or the new one, never a torn one. INT64 columns are
 * DELTA_BINARY_PACKED and DOUBLE columns PLAIN (layout {@value CandleSchema#LAYOUT}): encodings DuckDB, Polars and
 * Spark's vectorized reader all read (Spark refuses BYTE_STREAM_SPLIT). Delta-encoded times of contiguous candles
 * are a few bytes per page, so reading them costs nothing to decompress; as PLAIN they were two fifths of the
 * reader's zstd time.
 *
 * <p>It writes column chunks itself, a page at a time: each page's values are encoded from the arrays (PLAIN by one
 * bulk copy through a little-endian view; DELTA_BINARY_PACKED by parquet-java's own encoder, with its default
 * blocks), its statistics gathered in the same pass, and the page handed to parquet-java's page store, which
 * compresses it, writes the page header and checksum and the column and offset indexes. Pages hold
 * {@value #PAGE_VALUES} rows (parquet-java's default page row limit); a new row group starts every
 * {@value #GROUP_ROWS} rows, which a month of one-second candles does not reach. The output is deterministic: the
 * same rows and metadata give the same bytes.
 */
final class MonthWriter {

    /** Values per page: parquet-java's default page row limit (20,000; its 1 MiB page size is never reached first). */
    static final int PAGE_VALUES = ParquetProperties.DEFAULT_PAGE_ROW_COUNT_LIMIT;
    /** Rows per row group: a month of one-second candles (2.7 M rows) stays one row group. */
    static final int GROUP_ROWS = 1 << 22;
    /** DELTA_BINARY_PACKED blocks of 128 values in four miniblocks of 32: parquet-java's own writer's choice. */
    private static final int DELTA_BLOCK = 128;
    private static final int DELTA_MINIBLOCKS = 4;
    private static final ParquetProperties PROPERTIES = ParquetProperties.builder()
            .withPageWriteChecksumEnabled(true)
            .withDictionaryEncoding(false)
            .withByteStreamSplitEncoding(false)
            .build();

    private MonthWriter() {
    }

    static void write(Path target, CandleColumns cols, int from, int to, Map<String, String> metadata)
            throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicFiles.write(target, out -> writeTo(new StreamFile(out, target), cols, from, to, metadata));
    }

    private static void writeTo(OutputFile file, CandleColumns cols, int from, int to, Map<String, String> metadata)
            throws IOException {
        ParquetFileWriter w = new ParquetFileWriter(file, CandleSchema.SCHEMA, ParquetFileWriter.Mode.OVERWRITE,
                ParquetWriter.DEFAULT_BLOCK_SIZE, ParquetWriter.MAX_PADDING_SIZE_DEFAULT, null, PROPERTIES);
        w.start();
        List<ColumnDescriptor> descs = CandleSchema.SCHEMA.getColumns();
        int ordinal = 0;
        for (int g = from; g < to; g += GROUP_ROWS) {
            int end = Math.min(to, g + GROUP_ROWS);
            // the constructor, not 1.18's builder: Spark brings parquet-java 1.17, which has no builder
            ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(
                    ZstdCodecs.INSTANCE.getCompressor(CompressionCodecName.ZSTD), CandleSchema.SCHEMA,
                    PROPERTIES.getAllocator(), PROPERTIES.getColumnIndexTruncateLength(), true, null, ordinal++);
            try {
                for (int c = 0; c < descs.size(); c++) {
                    writeChunk(pages.getPageWriter(descs.get(c)), descs.get(c), cols, c, g, end);
                }
                w.startBlock(end - g);
                pages.flushToFileWriter(w);
                w.endBlock();
            } finally {
                pages.close();
            }
        }
        w.end(new HashMap<>(metadata)); // the key order of parquet-java's record writer (a HashMap)
    }

    /** One column's rows {@code [from, to)} as pages of at most {@link #PAGE_VALUES} values. */
    private static void writeChunk(PageWriter pages, ColumnDescriptor desc, CandleColumns cols, int c, int from,
                                   int to) throws IOException {
        for (int p = from; p < to; p += PAGE_VALUES) {
            int n = Math.min(PAGE_VALUES, to - p);
            Statistics<?> stats = Statistics.createStats(desc.getPrimitiveType());
            SizeStatistics.Builder sizes = SizeStatistics.newBuilder(desc.getPrimitiveType(), 0, 0);
            BytesInput bytes;
            Encoding encoding;
            if (cols.longs[c] != null) {
                long[] v = cols.longs[c];
                DeltaBinaryPackingValuesWriterForLong delta = new DeltaBinaryPackingValuesWriterForLong(
                        DELTA_BLOCK, DELTA_MINIBLOCKS, 8 * n, 8 * n, PROPERTIES.getAllocator());
                for (int i = p; i < p + n; i++) {
                    stats.updateStats(v[i]);
                    sizes.add(0, 0);
                    delta.writeLong(v[i]);
                }
                bytes = BytesInput.from(delta.getBytes().toByteArray());
                delta.close();
                encoding = Encoding.DELTA_BINARY_PACKED;
            } else {
                double[] v = cols.doubles[c];
                for (int i = p; i < p + n; i++) {
                    stats.updateStats(v[i]);
                    sizes.add(0, 0);
                }
                byte[] plain = new byte[8 * n];
                ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().put(v, p, n);
                bytes = BytesInput.from(plain);
                encoding = Encoding.PLAIN;
            }
            // a required column of a flat schema: no levels; parquet-java's V1 writer names their encoding BIT_PACKED
            pages.writePage(bytes, n, n, stats, sizes.build(), null, Encoding.BIT_PACKED, Encoding.BIT_PACKED,
                    encoding);
        }
    }

    /** Parquet's output over the stream {@link AtomicFiles} hands out; closing it leaves the stream open. */
    static final class StreamFile implements OutputFile {
        private final OutputStream out;
        private final Path target;

        StreamFile(OutputStream out, Path target) {
            this.out = out;
            this.target = target;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long pos;

                @Override
                public long getPos() {
                    return pos;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    pos++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    pos += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.flush(); // AtomicFiles closes, fsyncs and renames
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return target.toString();
        }
    }
}
