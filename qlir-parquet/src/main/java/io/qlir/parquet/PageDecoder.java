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
 * primitive array, for the encodings qlir writes (PLAIN; and BYTE_STREAM_SPLIT, which the first build wrote). A required column of a flat schema
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
                ByteStreamSplit.decode(bytes, n, longs, doubles, i);
            } else {
                throw new IOException("value encoding " + encoding + " in a column chunk declared PLAIN or "
                        + "BYTE_STREAM_SPLIT");
            }
            i += n;
        }
        return i - at;
    }
}
