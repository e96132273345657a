package io.qlir.binance.load;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Parses Binance's decimal strings ({@code "10428.06000000"}) straight from a slice file's bytes, without making a
 * {@code String} per value.
 *
 * <p>The fast path is Clinger's: when the digits, trailing zeros of the fraction dropped, form an integer
 * {@code m < 2^53} and the fraction has {@code k <= 22} digits, both {@code m} and {@code 10^k} are exact doubles and
 * one IEEE division {@code m / 10^k} is correctly rounded, so the result equals {@link Double#parseDouble}'s. Every
 * other form (more digits, exponents, anything odd) goes to {@code Double.parseDouble}. The fraction's digits are
 * read eight at a time from one little-endian {@code long} (Binance writes eight decimals).
 */
final class Decimals {

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final double[] POW10 = new double[23];
    private static final int MAX_DIGITS = 15; // 10^15 < 2^53: fifteen digits always fit a double exactly

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Decimals() {
    }

    /**
     * The value of the ASCII text {@code bytes[from .. to)}. Binance's strings ({@code "10428.06000000"}) take one
     * pass: every digit, the fraction's trailing zeros included, goes into one integer, which for prices and most
     * volumes stays below {@code 2^53}. Longer numbers take {@link #parseTrimmed}.
     *
     * <pre>{@code
     * double open = Decimals.parse(fileBytes, quote + 1, closingQuote);
     * }</pre>
     *
     * @throws NumberFormatException when the text is not a number
     */
    static double parse(byte[] bytes, int from, int to) {
        int first = from < to && (bytes[from] == '-' || bytes[from] == '+') ? from + 1 : from;
        long m = 0;
        int i = first;
        for (; i < to; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            m = m * 10 + d;
        }
        int point = -1;
        if (i < to && bytes[i] == '.') {
            point = i++;
            for (; i + 8 <= to; i += 8) {
                long w = word(bytes, i);
                if (!eightDigits(w)) {
                    break;
                }
                m = m * 100_000_000L + eightDigitsValue(w);
            }
            for (; i < to; i++) {
                int d = bytes[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                m = m * 10 + d;
            }
        }
        if (i < to) {
            return slow(bytes, from, to);
        }
        int count = to - first - (point < 0 ? 0 : 1);
        int fraction = point < 0 ? 0 : to - point - 1;
        // more than 18 digits could overflow m; 2^53 and more is not exact as a double
        if (count == 0 || count > 18 || m >= (1L << 53) || fraction >= POW10.length) {
            return parseTrimmed(bytes, from, to);
        }
        double v = fraction == 0 ? m : m / POW10[fraction];
        return bytes[from] == '-' ? -v : v;
    }

    /** The eight bytes at {@code bytes[i .. i+8)} as a little-endian word (the first byte lowest). */
    static long word(byte[] bytes, int i) {
        return (long) LONG_LE.get(bytes, i);
    }

    /** The index of the first {@code '.'} in a little-endian word (0 to 7), or 8 when there is none. */
    static int pointIndex(long w) {
        long x = w ^ 0x2E2E2E2E2E2E2E2EL; // '.' bytes become zero
        return Long.numberOfTrailingZeros((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) >>> 3;
    }

    /**
     * The value of {@code digits} (1 to 7) integer digits in the low bytes of {@code integerWord}, a point, and the
     * eight fraction digits of {@code fractionWord} (Binance's {@code "36949.82000000"}): NaN when these bytes are not
     * all digits. Exact: the mantissa is below {@code 10^15 < 2^53}, so one division by {@code 10^8} rounds
     * correctly.
     */
    static double eightDecimals(long integerWord, int digits, long fractionWord) {
        long integer = (integerWord << (8 * (8 - digits))) | (0x3030303030303030L >>> (8 * digits)); // '0'-padded
        if (!eightDigits(integer) || !eightDigits(fractionWord)) {
            return Double.NaN;
        }
        return (eightDigitsValue(integer) * 100_000_000L + eightDigitsValue(fractionWord)) / POW10[8];
    }

    /** Whether all eight bytes of a little-endian word are ASCII digits. */
    static boolean eightDigits(long w) {
        return (((w + 0x4646464646464646L) | (w - 0x3030303030303030L)) & 0x8080808080808080L) == 0;
    }

    /** The value of eight ASCII digits, the first in the word's lowest byte (three multiplications, no loop). */
    static long eightDigitsValue(long w) {
        long v = w - 0x3030303030303030L;
        v = v * 10 + (v >>> 8); // pairs of digits
        return (((v & 0x000000FF000000FFL) * (100 + (1_000_000L << 32)))
                + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32)))) >>> 32;
    }

    /** The value with the fraction's trailing zeros dropped first, so that more digits fit the fast path. */
    private static double parseTrimmed(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        int end = trimFractionZeros(bytes, i, to);
        long mantissa = 0;
        int digits = 0;
        int fraction = 0;
        boolean point = false;
        boolean any = false;
        for (; i < end; i++) {
            byte c = bytes[i];
            if (c == '.') {
                if (point) {
                    return slow(bytes, from, to);
                }
                point = true;
                continue;
            }
            if (c < '0' || c > '9') {
                return slow(bytes, from, to);
            }
            any = true;
            if (point) {
                fraction++;
            }
            if (mantissa == 0 && c == '0') {
                continue; // a leading zero is not a significant digit
            }
            if (++digits > MAX_DIGITS) {
                return slow(bytes, from, to);
            }
            mantissa = mantissa * 10 + (c - '0');
        }
        if (!any || fraction >= POW10.length) {
            return slow(bytes, from, to);
        }
        double v = fraction == 0 ? mantissa : mantissa / POW10[fraction];
        return negative ? -v : v;
    }

    /** The end of the text with the fraction's trailing zeros removed (when there is a point). */
    private static int trimFractionZeros(byte[] bytes, int from, int end) {
        int dot = -1;
        for (int i = from; i < end; i++) {
            if (bytes[i] == '.') {
                dot = i;
                break;
            }
        }
        if (dot < 0) {
            return end;
        }
        while (end > dot + 1 && bytes[end - 1] == '0') {
            end--;
        }
        return end;
    }

    private static double slow(byte[] bytes, int from, int to) {
        return Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }
}
