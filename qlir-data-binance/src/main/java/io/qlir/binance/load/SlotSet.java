package io.qlir.binance.load;

import java.util.Arrays;

/**
 * A bit per grid slot (one candle's open time), with rank: which slots hold a candle, and where slot {@code i}
 * lands in the compacted table (the number of set slots before it).
 */
final class SlotSet {

    private final long[] words;
    private final int size;
    private int[] prefix;

    SlotSet(int size) {
        this.size = size;
        this.words = new long[(size + 63) >>> 6];
    }

    int size() {
        return size;
    }

    void set(int i) {
        words[i >>> 6] |= 1L << i;
        prefix = null;
    }

    /** Sets {@code [from, to]} (inclusive). */
    void set(int from, int to) {
        for (int i = from; i <= to; ) {
            int w = i >>> 6;
            int last = Math.min(to, (w << 6) + 63);
            long mask = (-1L << i) & (-1L >>> (63 - (last & 63)));
            words[w] |= mask;
            i = last + 1;
        }
        prefix = null;
    }

    boolean get(int i) {
        return (words[i >>> 6] & (1L << i)) != 0;
    }

    void or(SlotSet other) {
        for (int w = 0; w < words.length; w++) {
            words[w] |= other.words[w];
        }
        prefix = null;
    }

    int cardinality() {
        int n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /** The first set slot at or after {@code from}, or -1. */
    int nextSet(int from) {
        if (from >= size) {
            return -1;
        }
        int w = from >>> 6;
        long word = words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(word);
                return i < size ? i : -1;
            }
            if (++w == words.length) {
                return -1;
            }
            word = words[w];
        }
    }

    /** The first clear slot at or after {@code from}, or {@code size()} when none. */
    int nextClear(int from) {
        if (from >= size) {
            return size;
        }
        int w = from >>> 6;
        long word = ~words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return Math.min(size, (w << 6) + Long.numberOfTrailingZeros(word));
            }
            if (++w == words.length) {
                return size;
            }
            word = ~words[w];
        }
    }

    /** The last set slot, or -1. */
    int lastSet() {
        for (int w = words.length - 1; w >= 0; w--) {
            if (words[w] != 0) {
                return (w << 6) + 63 - Long.numberOfLeadingZeros(words[w]);
            }
        }
        return -1;
    }

    /** How many set slots lie before {@code i}. */
    int rank(int i) {
        if (prefix == null) {
            prefix = new int[words.length];
            int n = 0;
            for (int w = 0; w < words.length; w++) {
                prefix[w] = n;
                n += Long.bitCount(words[w]);
            }
        }
        int w = i >>> 6;
        return prefix[w] + Long.bitCount(words[w] & ((1L << i) - 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlotSet s && s.size == size && Arrays.equals(s.words, words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words) * 31 + size;
    }
}
