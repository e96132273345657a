package io.qlir.ops.indicators;

/**
 * What the fused range kernels ({@link RangeShockPass}, {@link ArpDPass}) share: the block geometry and
 * {@code range_pct} of a bar.
 *
 * <p>A kernel walks the candles in blocks of {@link #rows} output rows. For each block it reads the rows it needs
 * (the block plus the {@link #lead} rows before it) once, into buffers that start at index 0, and every later loop
 * of the block indexes all its buffers with the same {@code j}: that is what lets C2 (JDK 17) vectorise a division
 * ({@code o[j] = a[j] / b[j]}); a loop whose store and loads sit at different offsets stays scalar. Only the output
 * columns are allocated at full length; a block's result is copied into them with {@link System#arraycopy}.
 */
final class RangeBlocks {

    /** Output rows per block: the block's buffers stay in L2 while it is processed. */
    static final int BLOCK = 4096;

    /** Output rows per block: {@link #BLOCK}, or the longest window when it is longer (at most 2x overlap). */
    final int rows;
    /** Rows read before a block's first row: the longest window plus the shift, less one. */
    final int lead;
    /**
     * Buffer length: a block and its lead (at most the series), and room for the last segment's suffixes (see
     * {@link WindowSums}; at most the series too, as a window longer than the series writes nothing).
     */
    final int capacity;

    RangeBlocks(int maxWindow, int shift, int n) {
        this.rows = Math.max(BLOCK, maxWindow);
        this.lead = maxWindow + shift - 1;
        this.capacity = (int) Math.min((long) n, (long) rows + lead) + Math.min(n, maxWindow) + 1;
    }

    /** The first row read for the block starting at {@code b0}. */
    int base(int b0) {
        return Math.max(0, b0 - lead);
    }

    /**
     * {@code rp[t] = (high[base+t]-low[base+t]) / open[base+t]} for {@code t < len}, NaN when open is not positive or
     * not finite, or the ratio is not finite.
     *
     * <p>Scalar on purpose: it reads the candles from memory, and at 24 bytes per row that takes about as long as a
     * scalar division, so the division costs little here (a vectorised one would need the rows copied into a buffer
     * first, and would then wait for the copy). Nothing else rides along: an add chain here would wait on every
     * cache miss.
     */
    static void rangePct(double[] open, double[] high, double[] low, int base, double[] rp, int len) {
        for (int t = 0; t < len; t++) {
            rp[t] = rangePct(open[base + t], high[base + t], low[base + t]);
        }
    }

    /** One bar's range fraction, NaN where undefined. */
    static double rangePct(double open, double high, double low) {
        double q = (high - low) / open;
        // a denormal open or a non-finite high or low leaves the ratio non-finite
        return open > 0 && open <= Double.MAX_VALUE && q - q == 0 ? q : Double.NaN;
    }
}
