package io.qlir.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Set;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.PageReader;

/**
 * The reader's fast path: decodes the pages of a required, flat INT64 or DOUBLE column chunk straight into a
 * primitive array, for the encodings qlir writes (PLAIN and BYTE_STREAM_SPLIT). A required column of a flat schema
 * has no repetition or definition levels, so a page's (decompressed) bytes are its values alone. Column chunks
 * with other encodings (a dictionary, delta encodings: files written by other tools) go through Parquet's column
 * reader instead ({@link #handles}).
 */
final class PageDecoder {

    private static final Set<Encoding> LEVELS_OR_VALUES = EnumSet.of(Encoding.PLAIN, Encoding.BYTE_STREAM_SPLIT,
            Encoding.RLE, Encoding.BIT_PACKED);

    private PageDecoder() {
    }

    /** Whether a column chunk uses only encodings this decoder reads. */
    static boolean handles(Set<Encoding> chunkEncodings) {
        return LEVELS_OR_VALUES.containsAll(chunkEncodings);
    }

    /** Reads every page of a column chunk into {@code longs} or {@code doubles} from {@code at}; returns the count. */
    static int read(PageReader pages, long[] longs, double[] doubles, int at) throws IOException {
        int i = at;
        DataPage page;
        while ((page = pages.readPage()) != null) {
            int n = page.getValueCount();
            ByteBuffer bytes;
            Encoding encoding;
            if (page instanceof DataPageV1 v1) {
                bytes = v1.getBytes().toByteBuffer();
                encoding = v1.getValueEncoding();
            } else if (page instanceof DataPageV2 v2) {
                bytes = v2.getData().toByteBuffer();
                encoding = v2.getDataEncoding();
            } else {
                throw new IOException("unknown Parquet page type " + page.getClass().getName());
            }
            bytes = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
            if (bytes.remaining() < 8L * n) {
                throw new IOException("a page of " + n + " values holds only " + bytes.remaining() + " bytes");
            }
            if (encoding == Encoding.PLAIN) {
                if (longs != null) {
                    bytes.asLongBuffer().get(longs, i, n);
                } else {
                    bytes.asDoubleBuffer().get(doubles, i, n);
                }
            } else if (encoding == Encoding.BYTE_STREAM_SPLIT) {
                splitStreams(bytes, n, longs, doubles, i);
            } else {
                throw new IOException("value encoding " + encoding + " in a column chunk declared PLAIN or "
                        + "BYTE_STREAM_SPLIT");
            }
            i += n;
        }
        return i - at;
    }

    /**
     * BYTE_STREAM_SPLIT: byte k of value j is at {@code k * n + j}. Eight values at a time: one little-endian long
     * from each of the eight streams is an 8×8 byte matrix (row = stream, column = value), and three rounds of
     * block swaps transpose it, so row m becomes value m (about three operations per value instead of eight byte
     * loads, shifts and ors).
     */
    static void splitStreams(ByteBuffer bytes, int n, long[] longs, double[] doubles, int at) {
        ByteBuffer b = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
        int j = 0;
        for (; j + 8 <= n; j += 8) {
            long x0 = b.getLong(j);
            long x1 = b.getLong(n + j);
            long x2 = b.getLong(2 * n + j);
            long x3 = b.getLong(3 * n + j);
            long x4 = b.getLong(4 * n + j);
            long x5 = b.getLong(5 * n + j);
            long x6 = b.getLong(6 * n + j);
            long x7 = b.getLong(7 * n + j);
            long t;
            t = ((x0 >>> 32) ^ x4) & 0x00000000FFFFFFFFL; x0 ^= t << 32; x4 ^= t;
            t = ((x1 >>> 32) ^ x5) & 0x00000000FFFFFFFFL; x1 ^= t << 32; x5 ^= t;
            t = ((x2 >>> 32) ^ x6) & 0x00000000FFFFFFFFL; x2 ^= t << 32; x6 ^= t;
            t = ((x3 >>> 32) ^ x7) & 0x00000000FFFFFFFFL; x3 ^= t << 32; x7 ^= t;
            t = ((x0 >>> 16) ^ x2) & 0x0000FFFF0000FFFFL; x0 ^= t << 16; x2 ^= t;
            t = ((x1 >>> 16) ^ x3) & 0x0000FFFF0000FFFFL; x1 ^= t << 16; x3 ^= t;
            t = ((x4 >>> 16) ^ x6) & 0x0000FFFF0000FFFFL; x4 ^= t << 16; x6 ^= t;
            t = ((x5 >>> 16) ^ x7) & 0x0000FFFF0000FFFFL; x5 ^= t << 16; x7 ^= t;
            t = ((x0 >>> 8) ^ x1) & 0x00FF00FF00FF00FFL; x0 ^= t << 8; x1 ^= t;
            t = ((x2 >>> 8) ^ x3) & 0x00FF00FF00FF00FFL; x2 ^= t << 8; x3 ^= t;
            t = ((x4 >>> 8) ^ x5) & 0x00FF00FF00FF00FFL; x4 ^= t << 8; x5 ^= t;
            t = ((x6 >>> 8) ^ x7) & 0x00FF00FF00FF00FFL; x6 ^= t << 8; x7 ^= t;
            int o = at + j;
            if (longs != null) {
                longs[o] = x0; longs[o + 1] = x1; longs[o + 2] = x2; longs[o + 3] = x3;
                longs[o + 4] = x4; longs[o + 5] = x5; longs[o + 6] = x6; longs[o + 7] = x7;
            } else {
                doubles[o] = Double.longBitsToDouble(x0);
                doubles[o + 1] = Double.longBitsToDouble(x1);
                doubles[o + 2] = Double.longBitsToDouble(x2);
                doubles[o + 3] = Double.longBitsToDouble(x3);
                doubles[o + 4] = Double.longBitsToDouble(x4);
                doubles[o + 5] = Double.longBitsToDouble(x5);
                doubles[o + 6] = Double.longBitsToDouble(x6);
                doubles[o + 7] = Double.longBitsToDouble(x7);
            }
        }
        for (; j < n; j++) {
            long v = 0;
            for (int k = 0; k < 8; k++) {
                v |= (b.get(k * n + j) & 0xFFL) << (8 * k);
            }
            if (longs != null) {
                longs[at + j] = v;
            } else {
                doubles[at + j] = Double.longBitsToDouble(v);
            }
        }
    }
}
