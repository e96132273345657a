package io.qlir.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A ZSTD frame whose content is stored, read without zstd: a page that zstd could not shrink (the volumes' six or
 * eight decimals, full-precision doubles) is written as raw blocks, the page's bytes with a three-byte header every
 * 128 KiB. zstd would copy them into the page buffer and the reader copy them again into the array; here they go
 * from the column chunk's buffer into the array once (on the benchmark's tick fixture, four of the eight DOUBLE
 * columns; about 0.6 ns per candle each).
 *
 * <p>Only the plainest frame takes this path (RFC 8878): no dictionary, no content checksum, every block raw, each a
 * whole number of eight-byte values, the blocks together exactly the page's size and the frame exactly the page's
 * compressed bytes. Anything else, including a malformed frame, is left to zstd, which decodes it or says why not.
 * <pre>{@code
 * if (!StoredFrames.copy(frame, rawSize, longs, doubles, at)) { ... decompress ... }
 * }</pre>
 */
final class StoredFrames {

    private static final int MAGIC = 0xFD2FB528;
    private static final int RAW_BLOCK = 0;
    private static final int BLOCK_HEADER = 3;

    private StoredFrames() {
    }

    /**
     * When {@code frame} (from its position to its limit) is a frame of raw blocks holding {@code size} bytes of
     * little-endian values, copies them into {@code longs} (when not null) or {@code doubles} from {@code at} and
     * returns true; otherwise copies nothing and returns false.
     */
    static boolean copy(ByteBuffer frame, int size, long[] longs, double[] doubles, int at) {
        ByteBuffer f = frame.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int first = firstBlock(f);
        if (first < 0 || !allStored(f, first, size)) {
            return false;
        }
        int p = first;
        int i = at;
        boolean last = false;
        while (!last) {
            int header = blockHeader(f, p);
            last = (header & 1) != 0;
            int bytes = header >>> 3;
            ByteBuffer values = f.duplicate().position(p + BLOCK_HEADER).limit(p + BLOCK_HEADER + bytes).slice()
                    .order(ByteOrder.LITTLE_ENDIAN);
            if (longs != null) {
                values.asLongBuffer().get(longs, i, bytes / 8);
            } else {
                values.asDoubleBuffer().get(doubles, i, bytes / 8);
            }
            i += bytes / 8;
            p += BLOCK_HEADER + bytes;
        }
        return true;
    }

    /** The offset of the first block header, or -1 for a frame this class does not read. */
    private static int firstBlock(ByteBuffer f) {
        int p = f.position();
        if (f.limit() - p < 6 || f.getInt(p) != MAGIC) {
            return -1;
        }
        int descriptor = f.get(p + 4) & 0xFF;
        boolean singleSegment = (descriptor & 0x20) != 0;
        boolean reserved = (descriptor & 0x08) != 0;
        boolean checksum = (descriptor & 0x04) != 0;
        int dictionary = descriptor & 0x03;
        if (reserved || checksum || dictionary != 0) {
            return -1;
        }
        int contentSizeFlag = descriptor >>> 6;
        int contentSizeBytes = switch (contentSizeFlag) {
            case 0 -> singleSegment ? 1 : 0;
            case 1 -> 2;
            case 2 -> 4;
            default -> 8;
        };
        return p + 5 + (singleSegment ? 0 : 1) + contentSizeBytes;
    }

    /** Whether every block from {@code p} is raw and whole values, they hold {@code size} bytes and end the frame. */
    private static boolean allStored(ByteBuffer f, int p, int size) {
        long total = 0;
        while (true) {
            if (f.limit() - p < BLOCK_HEADER) {
                return false;
            }
            int header = blockHeader(f, p);
            int bytes = header >>> 3;
            if (((header >>> 1) & 3) != RAW_BLOCK || bytes % 8 != 0 || f.limit() - p - BLOCK_HEADER < bytes) {
                return false;
            }
            total += bytes;
            p += BLOCK_HEADER + bytes;
            if ((header & 1) != 0) {
                return total == size && p == f.limit();
            }
        }
    }

    private static int blockHeader(ByteBuffer f, int p) {
        return (f.get(p) & 0xFF) | (f.get(p + 1) & 0xFF) << 8 | (f.get(p + 2) & 0xFF) << 16;
    }
}
