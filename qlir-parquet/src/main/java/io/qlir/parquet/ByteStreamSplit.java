package io.qlir.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes Parquet's BYTE_STREAM_SPLIT encoding of 8-byte values (what the first build of the dataset wrote for
 * doubles; files from other tools may use it too): byte k of value j of a page of n values is at {@code k * n + j}.
 * Eight values at a time: one little-endian long from each of the eight streams is an 8×8 byte matrix (row =
 * stream, column = value), and three rounds of block swaps transpose it: about three operations per value instead
 * of eight single-byte loads, shifts and ors.
 */
final class ByteStreamSplit {

    private ByteStreamSplit() {
    }

    /** Decodes a page of {@code n} values into {@code longs} (or, when null, {@code doubles}) from {@code at}. */
    static void decode(ByteBuffer bytes, int n, long[] longs, double[] doubles, int at) {
        ByteBuffer b = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
        long[] x = new long[8];
        int j = 0;
        for (; j + 8 <= n; j += 8) {
            for (int k = 0; k < 8; k++) {
                x[k] = b.getLong(k * n + j);
            }
            transpose(x);
            int o = at + j;
            if (longs != null) {
                System.arraycopy(x, 0, longs, o, 8);
            } else {
                for (int k = 0; k < 8; k++) {
                    doubles[o + k] = Double.longBitsToDouble(x[k]);
                }
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

    /** Transposes the 8×8 byte matrix whose row k is {@code x[k]} (byte m of a row = column m). */
    private static void transpose(long[] x) {
        swap(x, 0, 4, 32, 0x00000000FFFFFFFFL);
        swap(x, 1, 5, 32, 0x00000000FFFFFFFFL);
        swap(x, 2, 6, 32, 0x00000000FFFFFFFFL);
        swap(x, 3, 7, 32, 0x00000000FFFFFFFFL);
        swap(x, 0, 2, 16, 0x0000FFFF0000FFFFL);
        swap(x, 1, 3, 16, 0x0000FFFF0000FFFFL);
        swap(x, 4, 6, 16, 0x0000FFFF0000FFFFL);
        swap(x, 5, 7, 16, 0x0000FFFF0000FFFFL);
        swap(x, 0, 1, 8, 0x00FF00FF00FF00FFL);
        swap(x, 2, 3, 8, 0x00FF00FF00FF00FFL);
        swap(x, 4, 5, 8, 0x00FF00FF00FF00FFL);
        swap(x, 6, 7, 8, 0x00FF00FF00FF00FFL);
    }

    /** Swaps the high blocks of {@code x[a]} with the low blocks of {@code x[b]} ({@code shift} bits wide). */
    private static void swap(long[] x, int a, int b, int shift, long mask) {
        long t = ((x[a] >>> shift) ^ x[b]) & mask;
        x[a] ^= t << shift;
        x[b] ^= t;
    }
}
