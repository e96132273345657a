package io.qlir.bench.loader;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;

/**
 * The reader's ceiling: how long zstd alone takes to decompress each column of a dataset's month files (every page
 * as written, one reused context, into a preallocated buffer: heap to heap and direct to direct), against a plain
 * copy of the same bytes; and, for the DOUBLE columns, the size and decoding time of the same pages recompressed at
 * other levels. Nanoseconds per candle, the best of 15 passes. No reader can be faster than the zstd column of its
 * layout plus the copy.
 * <pre>{@code
 * java -cp qlir-benchmarks.jar io.qlir.bench.loader.ZstdCeiling /tmp/qlir-bench-parquet/parquet
 * }</pre>
 */
public final class ZstdCeiling {

    private static final int PASSES = 15;

    private ZstdCeiling() {
    }

    /** One data page: its ZSTD frame and its decompressed bytes. */
    private record Page(byte[] frame, byte[] raw) {
    }

    /**
     * Prints the table.
     *
     * @param args the folder to search for {@code .parquet} files
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        List<Path> files = ParquetFixture.filesUnder(Path.of(args[0]), ".parquet");
        Map<String, List<Page>> columns = new LinkedHashMap<>();
        long rows = 0;
        for (Path f : files) {
            rows += capture(f, columns);
        }
        System.out.printf(Locale.ROOT, "%d files, %d candles; ns per candle, best of %d passes%n", files.size(), rows,
                PASSES);
        System.out.printf(Locale.ROOT, "%-24s %8s %8s %9s %9s %9s   %s%n", "column", "raw B", "zstd B", "heap",
                "direct", "copy", "DOUBLE pages recompressed: B/candle, ns/candle");
        double[] total = new double[5];
        for (Map.Entry<String, List<Page>> e : columns.entrySet()) {
            List<Page> pages = e.getValue();
            double[] row = {sum(pages, true) / (double) rows, sum(pages, false) / (double) rows,
                heap(pages) / rows, direct(pages) / rows, copy(pages) / rows};
            for (int i = 0; i < row.length; i++) {
                total[i] += row[i];
            }
            String other = e.getKey().endsWith("time") || e.getKey().equals("trades") ? ""
                    : recompressed(pages, rows);
            System.out.printf(Locale.ROOT, "%-24s %8.2f %8.2f %9.2f %9.2f %9.2f   %s%n", e.getKey(), row[0], row[1],
                    row[2], row[3], row[4], other);
        }
        System.out.printf(Locale.ROOT, "%-24s %8.2f %8.2f %9.2f %9.2f %9.2f%n", "all", total[0], total[1], total[2],
                total[3], total[4]);
    }

    private static long capture(Path file, Map<String, List<Page>> columns) throws IOException {
        Capture codecs = new Capture();
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(codecs).build();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), options)) {
            PageReadStore group;
            while ((group = r.readNextRowGroup()) != null) {
                for (ColumnDescriptor d : r.getFooter().getFileMetaData().getSchema().getColumns()) {
                    codecs.into = columns.computeIfAbsent(d.getPath()[0], k -> new ArrayList<>());
                    PageReader pages = group.getPageReader(d);
                    DataPage p;
                    while ((p = pages.readPage()) != null) {
                        ((DataPageV1) p).getBytes().toByteArray();
                    }
                }
            }
            return r.getRecordCount();
        }
    }

    private static long sum(List<Page> pages, boolean raw) {
        return pages.stream().mapToLong(p -> raw ? p.raw.length : p.frame.length).sum();
    }

    private static int largest(List<Page> pages) {
        return pages.stream().mapToInt(p -> p.raw.length).max().orElse(0);
    }

    private static double heap(List<Page> pages) {
        byte[] out = new byte[largest(pages)];
        long best = Long.MAX_VALUE;
        try (ZstdDecompressCtx ctx = new ZstdDecompressCtx()) {
            for (int pass = 0; pass < PASSES; pass++) {
                long t0 = System.nanoTime();
                for (Page p : pages) {
                    ctx.decompressByteArray(out, 0, p.raw.length, p.frame, 0, p.frame.length);
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
        }
        return best;
    }

    private static double direct(List<Page> pages) {
        ByteBuffer out = ByteBuffer.allocateDirect(largest(pages));
        List<ByteBuffer> in = new ArrayList<>();
        for (Page p : pages) {
            in.add(ByteBuffer.allocateDirect(p.frame.length).put(p.frame).flip());
        }
        long best = Long.MAX_VALUE;
        try (ZstdDecompressCtx ctx = new ZstdDecompressCtx()) {
            for (int pass = 0; pass < PASSES; pass++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < pages.size(); i++) {
                    ctx.decompressDirectByteBuffer(out, 0, pages.get(i).raw.length, in.get(i), 0,
                            pages.get(i).frame.length);
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
        }
        return best;
    }

    private static double copy(List<Page> pages) {
        byte[] out = new byte[largest(pages)];
        long best = Long.MAX_VALUE;
        for (int pass = 0; pass < PASSES; pass++) {
            long t0 = System.nanoTime();
            for (Page p : pages) {
                System.arraycopy(p.raw, 0, out, 0, p.raw.length);
            }
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }

    /**
     * The pages at levels 3, 1 and -1 (zstd's own minimum match), -3, -5 (the layout's first setting), -7 and -10
     * with a minimum match of 7, and the layout's setting (the fast strategy over level 3, acceleration 8, a
     * hash table of 2^12, minimum match 7: "F3/a8/h12/m7"): size and decoding time.
     */
    private static String recompressed(List<Page> pages, long rows) {
        StringBuilder out = new StringBuilder();
        // level, minimum match, then for the fast strategy: acceleration and hash log (0: the level's own)
        int[][] settings = {{3, 0, 0, 0}, {1, 0, 0, 0}, {-1, 0, 0, 0}, {-3, 7, 0, 0}, {-5, 7, 0, 0}, {-7, 7, 0, 0},
            {-10, 7, 0, 0}, {3, 7, 8, 12}};
        for (int[] s : settings) {
            List<Page> again = new ArrayList<>();
            try (ZstdCompressCtx c = new ZstdCompressCtx().setLevel(s[0])) {
                if (s[1] > 0) {
                    c.setMinMatch(s[1]);
                }
                if (s[2] > 0) {
                    c.setStrategy(1).setTargetLength(s[2]).setHashLog(s[3]);
                }
                for (Page p : pages) {
                    again.add(new Page(c.compress(p.raw), p.raw));
                }
            }
            String name = s[2] > 0 ? "F" + s[0] + "/a" + s[2] + "/h" + s[3] + "/m" + s[1]
                    : "L" + s[0] + (s[1] > 0 ? "/m" + s[1] : "");
            out.append(String.format(Locale.ROOT, "%s %.1f B %.1f ns; ", name, sum(again, false) / (double) rows,
                    heap(again) / rows));
        }
        return out.toString();
    }

    /** A codec factory that decompresses like any other and keeps each page's frame and bytes. */
    private static final class Capture implements CompressionCodecFactory {
        private final ZstdDecompressCtx ctx = new ZstdDecompressCtx();
        List<Page> into;

        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            return new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int size) throws IOException {
                    byte[] frame = bytes.toByteArray();
                    byte[] raw = new byte[size];
                    if (codec == CompressionCodecName.UNCOMPRESSED) {
                        raw = frame;
                    } else if (ctx.decompressByteArray(raw, 0, size, frame, 0, frame.length) != size) {
                        throw new IOException("a page did not decompress to " + size + " bytes");
                    }
                    into.add(new Page(frame, raw));
                    return BytesInput.from(raw);
                }

                @Override
                public void decompress(ByteBuffer in, int compressedSize, ByteBuffer out, int size) {
                    throw new UnsupportedOperationException("heap pages only");
                }

                @Override
                public void release() {
                }
            };
        }

        @Override
        public void release() {
            ctx.close();
        }
    }
}
