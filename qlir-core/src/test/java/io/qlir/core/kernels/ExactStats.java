package io.qlir.core.kernels;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Exact references in BigDecimal: every double is converted exactly, sums are exact, one rounding at the end. (qlir-ops'
 * parity tests keep their own copy: a test jar of qlir-core would put core's test-scope op providers and JUnit
 * settings on qlir-ops' test class path whenever the reactor runs without packaging.)
 */
final class ExactStats {

    private static final MathContext MC = new MathContext(60);

    private ExactStats() {
    }

    static BigDecimal sum(double[] x, int from, int toInclusive) {
        BigDecimal s = BigDecimal.ZERO;
        for (int j = from; j <= toInclusive; j++) {
            s = s.add(new BigDecimal(x[j]));
        }
        return s;
    }

    static double mean(double[] x, int from, int toInclusive) {
        return sum(x, from, toInclusive).divide(BigDecimal.valueOf(toInclusive - from + 1L), MC).doubleValue();
    }

    /** Population variance of {@code x[from .. to]}, exact to 60 digits. */
    static BigDecimal variance(double[] x, int from, int toInclusive) {
        BigDecimal n = BigDecimal.valueOf(toInclusive - from + 1L);
        BigDecimal mean = sum(x, from, toInclusive).divide(n, MC);
        BigDecimal ss = BigDecimal.ZERO;
        for (int j = from; j <= toInclusive; j++) {
            BigDecimal d = new BigDecimal(x[j]).subtract(mean);
            ss = ss.add(d.multiply(d));
        }
        return ss.divide(n, MC);
    }

    /** Exact Bollinger lines {@code [upper, mid, lower]} at row {@code i}. */
    static double[] bollinger(double[] x, int i, int period, double k) {
        int from = i - period + 1;
        BigDecimal n = BigDecimal.valueOf(period);
        BigDecimal mean = sum(x, from, i).divide(n, MC);
        BigDecimal sigma = variance(x, from, i).sqrt(MC);
        BigDecimal band = sigma.multiply(new BigDecimal(k));
        return new double[] {mean.add(band).doubleValue(), mean.doubleValue(), mean.subtract(band).doubleValue()};
    }
}
