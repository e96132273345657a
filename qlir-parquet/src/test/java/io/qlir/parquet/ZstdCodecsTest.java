package io.qlir.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The page compressor: literals stay raw (full-precision doubles are stored at about their size), repeats still
 * become matches (cent-tick prices of a random walk shrink), and every frame decompresses to the page.
 */
class ZstdCodecsTest {

    private static byte[] page(int n, java.util.function.IntToDoubleFunction f) {
        ByteBuffer b = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putDouble(f.applyAsDouble(i));
        }
        return b.array();
    }

    private static byte[] roundTrip(byte[] raw) throws Exception {
        byte[] z = ZstdCodecs.compress(raw);
        ByteBuffer out = ByteBuffer.allocateDirect(raw.length);
        ZstdCodecs.decompress(ByteBuffer.wrap(z), out, raw.length);
        byte[] back = new byte[raw.length];
        out.get(back);
        assertThat(back).isEqualTo(raw);
        return z;
    }

    @Test
    void fullPrecisionDoublesAreStoredAndTickPricesCompressed() throws Exception {
        Random rnd = new Random(2);
        // volumes with eight decimals, as Binance quotes them
        byte[] fullPrecision = page(20_000, i -> Math.round(rnd.nextDouble() * 1e11) / 1e8);
        double[] walk = {30_000};
        byte[] ticks = page(20_000, i -> walk[0] = Math.round((walk[0] + rnd.nextGaussian() * 5) * 100) / 100.0);

        assertThat(Zstd.compress(fullPrecision, 3).length).as("level 3 would save a little")
                .isLessThan(fullPrecision.length).isGreaterThan(fullPrecision.length - fullPrecision.length / 8);
        assertThat(roundTrip(fullPrecision).length).as("stored: the page plus frame and block headers")
                .isBetween(fullPrecision.length, fullPrecision.length + 64);
        byte[] constant = page(20_000, i -> 1.5);
        assertThat(roundTrip(constant).length).as("a constant page is a few matches").isLessThan(200);
        assertThat(roundTrip(ticks).length).as("repeated prices become matches")
                .isLessThan(ticks.length - ticks.length / 8);
    }
}
