package io.qlir.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Decodes Parquet's DELTA_BINARY_PACKED encoding of INT64 values (what the dataset writes for {@code open_time},
 * {@code close_time} and {@code trades}) straight into a {@code long[]}. The format: a header (block size, miniblocks
 * per block, value count as ULEB128, the first value as zigzag ULEB128), then blocks of a zigzag minimum delta, one
 * bit-width byte per miniblock and the miniblocks' deltas minus the minimum, bit-packed little-endian. A miniblock
 * of width 0 is a run of equal deltas: the open and close times of contiguous candles are all such runs, so they
 * decode as a fill ({@code v += step}) without reading a bit. Arithmetic wraps like the writer's (two's
 * complement), so deltas between any two longs round-trip.
 */
final class DeltaBinaryPacked {

    private DeltaBinaryPacked() {
    }

    /**
     * Decodes a page of {@code n} values from {@code page}'s position into {@code out} from {@code at}; the buffer
     * must be little-endian.
     */
    static void decode(ByteBuffer page, int n, long[] out, int at) throws IOException {
        Cursor c = new Cursor(page, page.position());
        int blockSize = (int) c.uleb();
        int miniblocks = (int) c.uleb();
        long total = c.uleb();
        long v = c.zigzag();
        if (blockSize <= 0 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0
                || (blockSize / miniblocks) % 32 != 0) {
            throw new IOException("DELTA_BINARY_PACKED header of a page: block size " + blockSize + ", "
                    + miniblocks + " miniblocks; valid: a block size that is a multiple of 128 and miniblocks of a "
                    + "multiple of 32 values");
        }
        if (total != n) {
            throw new IOException("DELTA_BINARY_PACKED page says " + total + " values; its page header says " + n);
        }
        if (n == 0) {
            return;
        }
        int per = blockSize / miniblocks;
        out[at] = v;
        int i = at + 1;
        int end = at + n;
        while (i < end) {
            long minDelta = c.zigzag();
            int widths = c.pos;
            c.pos += miniblocks;
            for (int m = 0; m < miniblocks && i < end; m++) {
                int w = c.b.get(widths + m) & 0xFF;
                if (w > 64) {
                    throw new IOException("DELTA_BINARY_PACKED miniblock of bit width " + w + "; valid: 0 to 64");
                }
                int count = Math.min(per, end - i);
                if (w == 0) {
                    for (int k = 0; k < count; k++) {
                        v += minDelta;
                        out[i + k] = v;
                    }
                } else {
                    v = unpack(c.b, c.pos, w, count, minDelta, v, out, i);
                }
                i += count;
                c.pos += per / 8 * w; // a miniblock is padded to its full count (a multiple of 32)
            }
        }
    }

    /** Adds {@code count} packed deltas of width {@code w} from byte {@code p} to {@code v}, writing each sum. */
    private static long unpack(ByteBuffer b, int p, int w, int count, long minDelta, long v, long[] out, int at) {
        long mask = w == 64 ? -1L : (1L << w) - 1;
        long acc = v;
        int k = 0;
        if (w <= 56) {
            // one unaligned little-endian load per value, while eight bytes are left in the buffer
            int safe = Math.min(count, Math.max(0, ((b.limit() - 8 - p) * 8) / w));
            long bit = 0;
            for (; k < safe; k++, bit += w) {
                long d = (b.getLong(p + (int) (bit >>> 3)) >>> (bit & 7)) & mask;
                acc += minDelta + d;
                out[at + k] = acc;
            }
        }
        for (; k < count; k++) {
            acc += minDelta + bits(b, p, (long) k * w, w, mask);
            out[at + k] = acc;
        }
        return acc;
    }

    /** The {@code w} bits at bit offset {@code bit} from byte {@code p}, byte by byte (bytes past the limit are 0). */
    private static long bits(ByteBuffer b, int p, long bit, int w, long mask) {
        int first = p + (int) (bit >>> 3);
        int shift = (int) (bit & 7);
        int bytes = (shift + w + 7) >>> 3; // at most 9
        long lo = 0;
        for (int j = 0; j < Math.min(bytes, 8); j++) {
            lo |= (byteAt(b, first + j) & 0xFFL) << (8 * j);
        }
        long d = lo >>> shift;
        if (bytes == 9) {
            d |= (byteAt(b, first + 8) & 0xFFL) << (64 - shift);
        }
        return d & mask;
    }

    private static byte byteAt(ByteBuffer b, int i) {
        return i < b.limit() ? b.get(i) : 0;
    }

    /** A read position in a page: ULEB128 and zigzag varints. */
    private static final class Cursor {
        final ByteBuffer b;
        int pos;

        Cursor(ByteBuffer b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        long uleb() throws IOException {
            long x = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                if (pos >= b.limit()) {
                    throw new IOException("DELTA_BINARY_PACKED page ends inside a varint");
                }
                byte by = b.get(pos++);
                x |= (long) (by & 0x7F) << shift;
                if (by >= 0) {
                    return x;
                }
            }
            throw new IOException("DELTA_BINARY_PACKED varint longer than 10 bytes");
        }

        long zigzag() throws IOException {
            long x = uleb();
            return (x >>> 1) ^ -(x & 1);
        }
    }
}
