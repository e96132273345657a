package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Frames of raw blocks are read without zstd, into the same values zstd gives; every other frame is left to zstd,
 * and nothing is written into the array then.
 */
class StoredFramesTest {

    private static final Random RND = new Random(11);

    /** Values with eight random decimals: zstd stores them. */
    private static double[] noise(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.round(RND.nextDouble() * 1e11) / 1e8;
        }
        return v;
    }

    private static ByteBuffer bytes(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.flip();
    }

    private static ByteBuffer direct(byte[] frame, int offset) {
        // the frame inside a larger chunk, as the reader sees it: other bytes before and after
        ByteBuffer b = ByteBuffer.allocateDirect(offset + frame.length + 5);
        b.position(offset).put(frame).put(new byte[] {1, 2, 3, 4, 5});
        return b.position(offset).limit(offset + frame.length);
    }

    @Test
    void aStoredPageOfOneOrSeveralBlocksIsCopiedAsItsValues() {
        for (int n : new int[] {1, 500, 16_384, 20_000, 50_000}) { // 50,000 values: four raw blocks of 128 KiB
            double[] values = noise(n);
            byte[] frame = ZstdCodecs.compress(bytes(values).array());
            double[] out = new double[n + 3];
            assertThat(StoredFrames.copy(direct(frame, 7), 8 * n, null, out, 2)).as("%d values", n).isTrue();
            assertThat(Arrays.copyOfRange(out, 2, 2 + n)).isEqualTo(values);
            assertThat(out[0]).isZero();
            assertThat(out[n + 2]).isZero();
            long[] longs = new long[n];
            assertThat(StoredFrames.copy(ByteBuffer.wrap(frame), 8 * n, longs, null, 0)).isTrue();
            assertThat(Double.longBitsToDouble(longs[n - 1])).isEqualTo(values[n - 1]);
        }
    }

    @Test
    void anyOtherFrameIsLeftToZstd() {
        double[] values = noise(20_000);
        byte[] raw = bytes(values).array();
        double[] ticks = new double[20_000];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = (30_000_00 + RND.nextInt(400)) / 100.0;
        }
        byte[] stored = ZstdCodecs.compress(raw);
        byte[] withChecksum;
        try (ZstdCompressCtx c = new ZstdCompressCtx().setLevel(ZstdCodecs.LEVEL).setChecksum(true)) {
            withChecksum = c.compress(raw);
        }
        double[] out = new double[20_000];
        assertThat(StoredFrames.copy(ByteBuffer.wrap(ZstdCodecs.compress(bytes(ticks).array())), raw.length, null,
                out, 0)).as("compressed blocks").isFalse();
        assertThat(StoredFrames.copy(ByteBuffer.wrap(Zstd.compress(new byte[raw.length], 3)), raw.length, null, out,
                0)).as("a run of zeros").isFalse();
        assertThat(StoredFrames.copy(ByteBuffer.wrap(withChecksum), raw.length, null, out, 0)).as("a checksum")
                .isFalse();
        assertThat(StoredFrames.copy(ByteBuffer.wrap(stored), raw.length - 8, null, out, 0)).as("another size")
                .isFalse();
        assertThat(StoredFrames.copy(ByteBuffer.wrap(stored, 0, stored.length - 1), raw.length, null, out, 0))
                .as("truncated").isFalse();
        byte[] longer = Arrays.copyOf(stored, stored.length + 4);
        assertThat(StoredFrames.copy(ByteBuffer.wrap(longer), raw.length, null, out, 0)).as("bytes after the frame")
                .isFalse();
        byte[] notZstd = stored.clone();
        notZstd[0] ^= 1;
        assertThat(StoredFrames.copy(ByteBuffer.wrap(notZstd), raw.length, null, out, 0)).as("no magic").isFalse();
        for (int cut = 0; cut < 12; cut++) {
            assertThat(StoredFrames.copy(ByteBuffer.wrap(stored, 0, cut), raw.length, null, out, 0)).isFalse();
        }
        assertThat(out).containsOnly(0.0);
    }

    @Test
    void aPageOfOddBlocksIsLeftToZstd() {
        // a raw block of 12 bytes: one and a half values; zstd reads it, the copy would split a value
        byte[] frame = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x20, 16, (byte) (12 << 3), 0, 0,
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, (byte) (4 << 3 | 1), 0, 0, 13, 14, 15, 16};
        assertThat(Zstd.decompress(frame, 16)).hasSize(16);
        double[] out = new double[2];
        assertThat(StoredFrames.copy(ByteBuffer.wrap(frame), 16, null, out, 0)).isFalse();
        // the same bytes as two raw blocks of 8: copied, and equal to zstd's output
        byte[] even = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x20, 16, (byte) (8 << 3), 0, 0,
            1, 2, 3, 4, 5, 6, 7, 8, (byte) (8 << 3 | 1), 0, 0, 9, 10, 11, 12, 13, 14, 15, 16};
        long[] longs = new long[2];
        assertThat(StoredFrames.copy(ByteBuffer.wrap(even), 16, longs, null, 0)).isTrue();
        ByteBuffer z = ByteBuffer.wrap(Zstd.decompress(even, 16)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(longs).containsExactly(z.getLong(0), z.getLong(8));
        assertThat(longs[0]).isEqualTo(0x0807060504030201L);
    }
}
