package io.qlir.parquet;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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

    /** Bytes of zeros after a page's copy, so that an 8-byte load at any of its bytes stays in the array. */
    private static final int PAD = 8;
    /** Copies larger than this are made for one page and not kept (qlir's pages are at most 160 KB). */
    private static final int KEEP_BYTES = 4 << 20;
    private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** A thread's copy of the page being decoded (a heap array: its loads are cheaper than a direct buffer's). */
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1][0]);

    private DeltaBinaryPacked() {
    }

    /**
     * Decodes a page of {@code n} values from {@code page}'s position to its limit into {@code out} from {@code at}.
     */
    static void decode(ByteBuffer page, int n, long[] out, int at) throws IOException {
        byte[] b = copy(page);
        Cursor c = new Cursor(b, page.remaining());
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
                int w = c.at(widths + m) & 0xFF;
                if (w > 64) {
                    throw new IOException("DELTA_BINARY_PACKED miniblock of bit width " + w + "; valid: 0 to 64");
                }
                int count = Math.min(per, end - i);
                if (w == 0) {
                    v = fill(out, i, count, v, minDelta);
                } else {
                    c.require(c.pos + ((long) count * w + 7) / 8);
                    v = unpack(b, c.pos, w, count, minDelta, v, out, i);
                }
                i += count;
                c.pos += per / 8 * w; // a miniblock is padded to its full count (a multiple of 32)
            }
        }
    }

    /** The page's bytes (position to limit) at the start of a thread's array, followed by {@link #PAD} zeros. */
    private static byte[] copy(ByteBuffer page) {
        byte[][] holder = SCRATCH.get();
        int size = page.remaining();
        byte[] b = holder[0];
        if (b.length < size + PAD) {
            b = new byte[Math.max(size + PAD, Math.min(2 * b.length, KEEP_BYTES))];
            if (b.length <= KEEP_BYTES) {
                holder[0] = b;
            }
        }
        page.get(page.position(), b, 0, size);
        java.util.Arrays.fill(b, size, size + PAD, (byte) 0);
        return b;
    }

    /** A miniblock of width 0: {@code count} equal steps. */
    private static long fill(long[] out, int at, int count, long v, long step) {
        long x = v;
        for (int k = 0; k < count; k++) {
            x += step;
            out[at + k] = x;
        }
        return x;
    }

    /**
     * Adds {@code count} packed deltas of width {@code w} from byte {@code p} of {@code b} to {@code v}, writing each
     * sum. Up to 56 bits, one 8-byte load per value (the padding keeps the last loads in the array); wider values,
     * which a load at their first byte may not hold whole, add the ninth byte.
     */
    private static long unpack(byte[] b, int p, int w, int count, long minDelta, long v, long[] out, int at) {
        long mask = w == 64 ? -1L : (1L << w) - 1;
        long acc = v;
        long bit = 0;
        if (w <= 56) {
            for (int k = 0; k < count; k++, bit += w) {
                long d = ((long) LE_LONG.get(b, p + (int) (bit >>> 3)) >>> (bit & 7)) & mask;
                acc += minDelta + d;
                out[at + k] = acc;
            }
            return acc;
        }
        for (int k = 0; k < count; k++, bit += w) {
            int first = p + (int) (bit >>> 3);
            int shift = (int) (bit & 7);
            long d = (long) LE_LONG.get(b, first) >>> shift;
            if (shift + w > 64) {
                d |= (b[first + 8] & 0xFFL) << (64 - shift);
            }
            acc += minDelta + (d & mask);
            out[at + k] = acc;
        }
        return acc;
    }

    /** A read position in a page's copy: ULEB128 and zigzag varints, and bounds checks naming the page. */
    private static final class Cursor {
        final byte[] b;
        final int size;
        int pos;

        Cursor(byte[] b, int size) {
            this.b = b;
            this.size = size;
        }

        byte at(int i) throws IOException {
            require(i + 1L);
            return b[i];
        }

        /** Fails unless the page holds its first {@code bytes} bytes. */
        void require(long bytes) throws IOException {
            if (bytes > size) {
                throw new IOException("DELTA_BINARY_PACKED page of " + size + " bytes ends before byte " + bytes
                        + " that its header and bit widths call for");
            }
        }

        long uleb() throws IOException {
            long x = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                if (pos >= size) {
                    throw new IOException("DELTA_BINARY_PACKED page ends inside a varint");
                }
                byte by = b[pos++];
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
