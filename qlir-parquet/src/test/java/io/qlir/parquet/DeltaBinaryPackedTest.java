package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.function.LongUnaryOperator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.junit.jupiter.api.Test;

/**
 * qlir's DELTA_BINARY_PACKED decoder against parquet-java's encoder (another implementation of the format): every
 * value of every page comes back, for the shapes the dataset holds (constant steps: bit width 0; small counts) and
 * for every bit width up to 64 (random longs, whose deltas overflow), at page lengths around the miniblock and
 * block boundaries. The expected values are the encoder's input.
 */
class DeltaBinaryPackedTest {

    private static byte[] encode(long[] v, int block, int miniblocks) throws IOException {
        DeltaBinaryPackingValuesWriterForLong w = new DeltaBinaryPackingValuesWriterForLong(block, miniblocks, 64, 1 << 20,
                new HeapByteBufferAllocator());
        for (long x : v) {
            w.writeLong(x);
        }
        return w.getBytes().toByteArray();
    }

    private static void assertRoundTrip(long[] v, int block, int miniblocks, String what) throws IOException {
        byte[] page = encode(v, block, miniblocks);
        long[] out = new long[v.length + 5];
        // from a position other than 0, and with the page ending exactly at the buffer's limit
        ByteBuffer b = ByteBuffer.allocate(page.length + 3).order(ByteOrder.LITTLE_ENDIAN);
        b.position(3);
        b.put(page).position(3);
        DeltaBinaryPacked.decode(b, v.length, out, 5);
        for (int i = 0; i < v.length; i++) {
            assertThat(out[5 + i]).as("%s: value %d of %d (block %d/%d)", what, i, v.length, block, miniblocks)
                    .isEqualTo(v[i]);
        }
    }

    private static long[] values(int n, LongUnaryOperator f) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = f.applyAsLong(i);
        }
        return v;
    }

    @Test
    void everyPageLengthAroundMiniblocksAndBlocksRoundTripsForEveryShape() throws IOException {
        Random rnd = new Random(11);
        for (int n : new int[] {1, 2, 31, 32, 33, 127, 128, 129, 255, 1000, 20_000}) {
            assertRoundTrip(values(n, i -> 1_704_067_200_000L + 60_000L * i), 128, 4, "open times (constant step)");
            assertRoundTrip(values(n, i -> 1_704_067_259_999L + 60_000L * i), 128, 4, "close times");
            assertRoundTrip(values(n, i -> rnd.nextInt(5000)), 128, 4, "trades (small counts)");
            assertRoundTrip(values(n, i -> rnd.nextLong()), 128, 4, "random longs (64-bit deltas)");
            assertRoundTrip(values(n, i -> i % 2 == 0 ? Long.MIN_VALUE : Long.MAX_VALUE), 128, 4, "extremes");
            assertRoundTrip(values(n, i -> -7L * i), 256, 8, "falling, other block shape");
        }
    }

    @Test
    void everyBitWidthFrom0To64RoundTrips() throws IOException {
        Random rnd = new Random(5);
        for (int w = 0; w <= 64; w++) {
            long mask = w == 64 ? -1L : (1L << w) - 1;
            long[] deltas = values(1000, i -> rnd.nextLong() & mask);
            long[] v = new long[deltas.length];
            for (int i = 1; i < v.length; i++) {
                v[i] = v[i - 1] + deltas[i];
            }
            assertRoundTrip(v, 128, 4, "deltas of " + w + " bits");
        }
    }

    @Test
    void aPageWhoseCountDisagreesWithItsHeaderIsRefused() throws IOException {
        byte[] page = encode(new long[] {1, 2, 3}, 128, 4);
        ByteBuffer b = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        assertThatThrownBy(() -> DeltaBinaryPacked.decode(b, 4, new long[4], 0)).isInstanceOf(IOException.class)
                .hasMessageContaining("3 values").hasMessageContaining("says 4");
    }

    @Test
    void everyTruncationOfAPageIsRefusedWithAnIoExceptionUnlessOnlyPaddingWasCut() throws IOException {
        Random rnd = new Random(23);
        long[] v = values(300, i -> rnd.nextInt(1 << 20));
        byte[] page = encode(v, 128, 4);
        int readWhole = 0;
        for (int keep = 0; keep < page.length; keep++) {
            ByteBuffer b = ByteBuffer.wrap(java.util.Arrays.copyOf(page, keep)).order(ByteOrder.LITTLE_ENDIAN);
            long[] out = new long[v.length];
            try {
                DeltaBinaryPacked.decode(b, v.length, out, 0);
                assertThat(out).as("cut to %d of %d bytes", keep, page.length).containsExactly(v);
                readWhole++;
            } catch (IOException e) {
                assertThat(e).hasMessageContaining("DELTA_BINARY_PACKED");
            }
        }
        // 299 deltas: two blocks of 128, then a block whose second miniblock holds 11 deltas padded to 32; only
        // cuts inside that padding (and the empty miniblocks after it) may read the page whole
        assertThat(readWhole).as("cuts inside the last miniblock's padding").isLessThan(page.length / 4);
    }
}
