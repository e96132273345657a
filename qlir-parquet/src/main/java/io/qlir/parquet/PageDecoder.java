package io.qlir.parquet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The reader's fast path: reads a required, flat INT64 or DOUBLE column chunk straight from the file into a
 * primitive array, for the encodings qlir writes (DELTA_BINARY_PACKED longs and PLAIN doubles; PLAIN longs and
 * BYTE_STREAM_SPLIT doubles of earlier builds' files) and the codecs ZSTD and UNCOMPRESSED. A required column of
 * a flat schema has no repetition or definition levels, so a page's decompressed bytes are its values alone.
 *
 * <p>Nothing is allocated per page: each thread keeps one direct buffer for a chunk's bytes (read by one positional
 * read, no copy through the heap) and one for a decompressed page; zstd decompresses from the one into the other,
 * and the values go into the arrays by one bulk copy (PLAIN) or a decode loop (DELTA_BINARY_PACKED,
 * BYTE_STREAM_SPLIT). A PLAIN page that zstd stored (raw blocks) is copied from the chunk's buffer into the array
 * without zstd ({@link StoredFrames}). Parquet's page objects, its per-page heap buffers and its column-chunk store
 * are not used. Column chunks with other encodings or codecs (a dictionary, files written by other tools) go through Parquet's
 * column reader instead ({@link #handles}).
 */
final class PageDecoder {

    private static final Set<Encoding> READ = EnumSet.of(Encoding.PLAIN, Encoding.BYTE_STREAM_SPLIT,
            Encoding.DELTA_BINARY_PACKED, Encoding.RLE, Encoding.BIT_PACKED);
    /** Buffers larger than this are allocated for one chunk and not kept (a month of one-second candles fits). */
    private static final int KEEP_BYTES = 32 << 20;

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private PageDecoder() {
    }

    /** Whether a column chunk uses only encodings and a codec this decoder reads. */
    static boolean handles(ColumnChunkMetaData chunk) {
        CompressionCodecName codec = chunk.getCodec();
        return READ.containsAll(chunk.getEncodings())
                && (codec == CompressionCodecName.ZSTD || codec == CompressionCodecName.UNCOMPRESSED);
    }

    /**
     * Reads every page of a column chunk of {@code file} into {@code longs} or {@code doubles} from {@code at};
     * returns the number of values read.
     */
    static int read(FileChannel file, Path name, FastFooter.Chunk chunk, long[] longs, double[] doubles, int at)
            throws IOException {
        long size = chunk.size();
        if (size > Integer.MAX_VALUE || size < 0) {
            throw new IOException("column chunk of " + size + " bytes; valid: 0 to 2 GiB");
        }
        Buffers buffers = BUFFERS.get();
        ByteBuffer in = buffers.in.sized((int) size);
        readFully(file, name, in, chunk.start());
        in.flip();
        boolean zstd = chunk.zstd();
        int i = at;
        while (in.hasRemaining()) {
            PageHeader h = Util.readPageHeader(new Stream(in));
            int compressed = h.getCompressed_page_size();
            int start = in.position();
            if (compressed < 0 || compressed > in.remaining()) {
                throw new IOException("page of " + compressed + " bytes in a column chunk with " + in.remaining()
                        + " left");
            }
            in.position(start + compressed);
            DataPageInfo page = DataPageInfo.of(h, zstd);
            if (page == null) {
                continue; // an index page, or a dictionary page a PLAIN chunk does not use
            }
            int n = page.values();
            int capacity = longs != null ? longs.length : doubles.length;
            if (n < 0 || n > capacity - i) {
                throw new IOException("a page of " + n + " values at row " + (i - at) + " of a column chunk, past the "
                        + (capacity - at) + " rows its row group and the file's footer leave for it");
            }
            ByteBuffer values = in.duplicate().position(start + page.levels()).limit(start + compressed).slice();
            if (page.compressed()) {
                int raw = h.getUncompressed_page_size() - page.levels();
                if (page.encoding() == Encoding.PLAIN && raw == 8L * n
                        && StoredFrames.copy(values, raw, longs, doubles, i)) {
                    i += n; // a page zstd stored: its values straight from the chunk's bytes
                    continue;
                }
                ByteBuffer out = buffers.out.sized(raw);
                ZstdCodecs.decompress(values, out, raw);
                values = out;
            }
            decode(page.encoding(), values.order(ByteOrder.LITTLE_ENDIAN), n, longs, doubles, i);
            i += n;
        }
        return i - at;
    }

    /**
     * Reads from {@code file} at {@code position} until {@code into} is full (a positional read: the channel's own
     * position does not move).
     *
     * @throws IOException naming the file when it ends first
     */
    static void readFully(FileChannel file, Path name, ByteBuffer into, long position) throws IOException {
        long from = position - into.position();
        while (into.hasRemaining()) {
            if (file.read(into, from + into.position()) < 0) {
                throw new IOException("Parquet file " + name + " ends at byte " + (from + into.position())
                        + ", before the " + into.limit() + " bytes read from byte " + position);
            }
        }
    }

    /**
     * What a data page header says about its values: how many, their encoding, the bytes of levels before them (V2
     * pages) and whether they are compressed; null for any other page.
     */
    private record DataPageInfo(int values, Encoding encoding, int levels, boolean compressed) {

        static DataPageInfo of(PageHeader h, boolean zstd) throws IOException {
            if (h.isSetData_page_header()) {
                DataPageHeader d = h.getData_page_header();
                return new DataPageInfo(d.getNum_values(), Encoding.valueOf(d.getEncoding().name()), 0, zstd);
            }
            if (h.isSetData_page_header_v2()) {
                DataPageHeaderV2 d = h.getData_page_header_v2();
                if (d.getNum_nulls() != 0) {
                    throw new IOException("a page of a required column with " + d.getNum_nulls() + " nulls");
                }
                return new DataPageInfo(d.getNum_values(), Encoding.valueOf(d.getEncoding().name()),
                        d.getRepetition_levels_byte_length() + d.getDefinition_levels_byte_length(),
                        zstd && d.isIs_compressed());
            }
            return null;
        }
    }

    /** Decodes one page's value bytes (from {@code page}'s position to its limit, little-endian). */
    private static void decode(Encoding encoding, ByteBuffer page, int n, long[] longs, double[] doubles, int at)
            throws IOException {
        if (encoding == Encoding.DELTA_BINARY_PACKED && longs != null) {
            DeltaBinaryPacked.decode(page, n, longs, at);
            return;
        }
        if (page.remaining() < 8L * n) {
            throw new IOException("a page of " + n + " values holds only " + page.remaining() + " bytes");
        }
        if (encoding == Encoding.PLAIN) {
            if (longs != null) {
                page.asLongBuffer().get(longs, at, n);
            } else {
                page.asDoubleBuffer().get(doubles, at, n);
            }
        } else if (encoding == Encoding.BYTE_STREAM_SPLIT) {
            ByteStreamSplit.decode(page, n, longs, doubles, at);
        } else {
            throw new IOException("value encoding " + encoding + " for a " + (longs != null ? "INT64" : "DOUBLE")
                    + " column; valid: PLAIN, BYTE_STREAM_SPLIT, or DELTA_BINARY_PACKED for INT64");
        }
    }

    /** A thread's two direct buffers: a column chunk as read, and one decompressed page. */
    private static final class Buffers {
        final Reused in = new Reused();
        final Reused out = new Reused();
    }

    /** One direct buffer, kept for the next call unless it had to grow past {@link #KEEP_BYTES}. */
    private static final class Reused {
        private ByteBuffer kept = ByteBuffer.allocateDirect(0);

        /** A buffer of at least {@code size} bytes, cleared, its limit at {@code size}. */
        ByteBuffer sized(int size) {
            ByteBuffer b = kept.capacity() >= size ? kept : ByteBuffer.allocateDirect(size);
            if (b != kept && size <= KEEP_BYTES) {
                kept = b;
            }
            return b.clear().limit(size);
        }
    }

    /** The page-header parser's input: a buffer from its position on, advanced as the header is read. */
    private static final class Stream extends InputStream {
        private final ByteBuffer b;

        Stream(ByteBuffer b) {
            this.b = b;
        }

        @Override
        public int read() {
            return b.hasRemaining() ? b.get() & 0xFF : -1;
        }

        @Override
        public int read(byte[] dst, int off, int len) {
            if (!b.hasRemaining()) {
                return -1;
            }
            int n = Math.min(len, b.remaining());
            b.get(dst, off, n);
            return n;
        }
    }
}
