package io.qlir.binance.load;

/**
 * Parses Binance's decimal strings ({@code "10428.06000000"}) straight from the parser's character buffer, without
 * making a {@code String} per value.
 *
 * <p>The fast path is Clinger's: when the digits, trailing zeros of the fraction dropped, form an integer
 * {@code m < 2^53} and the fraction has {@code k <= 22} digits, both {@code m} and {@code 10^k} are exact doubles and
 * one IEEE division {@code m / 10^k} is correctly rounded, so the result equals {@link Double#parseDouble}'s. Every
 * other form (more digits, exponents, anything odd) goes to {@code Double.parseDouble}.
 */
final class Decimals {

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
     * The value of {@code chars[offset .. offset+length)}. Binance's strings ({@code "10428.06000000"}) take one pass:
     * every digit, the fraction's trailing zeros included, goes into one integer, which for prices and most volumes
     * stays below {@code 2^53}. Longer numbers take {@link #parseTrimmed}.
     *
     * @throws NumberFormatException when the text is not a number
     */
    static double parse(char[] chars, int offset, int length) {
        int end = offset + length;
        int first = offset < end && (chars[offset] == '-' || chars[offset] == '+') ? offset + 1 : offset;
        long m = 0;
        int point = -1;
        for (int i = first; i < end; i++) {
            int d = chars[i] - '0';
            if (d >= 0 && d <= 9) {
                m = m * 10 + d;
            } else if (d == '.' - '0' && point < 0) {
                point = i;
            } else {
                return slow(chars, offset, length);
            }
        }
        int count = end - first - (point < 0 ? 0 : 1);
        int fraction = point < 0 ? 0 : end - point - 1;
        // more than 18 digits could overflow m; 2^53 and more is not exact as a double
        if (count == 0 || count > 18 || m >= (1L << 53) || fraction >= POW10.length) {
            return parseTrimmed(chars, offset, length);
        }
        double v = fraction == 0 ? m : m / POW10[fraction];
        return chars[offset] == '-' ? -v : v;
    }

    /** The value with the fraction's trailing zeros dropped first, so that more digits fit the fast path. */
    private static double parseTrimmed(char[] chars, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = false;
        if (i < end && (chars[i] == '-' || chars[i] == '+')) {
            negative = chars[i] == '-';
            i++;
        }
        end = trimFractionZeros(chars, i, end);
        long mantissa = 0;
        int digits = 0;
        int fraction = 0;
        boolean point = false;
        boolean any = false;
        for (; i < end; i++) {
            char c = chars[i];
            if (c == '.') {
                if (point) {
                    return slow(chars, offset, length);
                }
                point = true;
                continue;
            }
            if (c < '0' || c > '9') {
                return slow(chars, offset, length);
            }
            any = true;
            if (point) {
                fraction++;
            }
            if (mantissa == 0 && c == '0') {
                continue; // a leading zero is not a significant digit
            }
            if (++digits > MAX_DIGITS) {
                return slow(chars, offset, length);
            }
            mantissa = mantissa * 10 + (c - '0');
        }
        if (!any || fraction >= POW10.length) {
            return slow(chars, offset, length);
        }
        double v = fraction == 0 ? mantissa : mantissa / POW10[fraction];
        return negative ? -v : v;
    }

    /** The end of the text with the fraction's trailing zeros removed (when there is a point). */
    private static int trimFractionZeros(char[] chars, int from, int end) {
        int dot = -1;
        for (int i = from; i < end; i++) {
            if (chars[i] == '.') {
                dot = i;
                break;
            }
        }
        if (dot < 0) {
            return end;
        }
        while (end > dot + 1 && chars[end - 1] == '0') {
            end--;
        }
        return end;
    }

    private static double slow(char[] chars, int offset, int length) {
        return Double.parseDouble(new String(chars, offset, length));
    }
}
