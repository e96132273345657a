package io.qlir.ops.indicators;

import static org.assertj.core.api.Assertions.fail;

/** qlir's one test tolerance, {@code |a-b| <= 1e-9 * max(1, |b|)}, with NaN equal to NaN. */
public final class Tolerance {

    private Tolerance() {
    }

    /** Whether {@code actual} matches {@code expected}. */
    public static boolean close(double actual, double expected) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
    }

    /** Fails naming the first row that differs. */
    public static void assertClose(String what, double[] actual, double[] expected) {
        if (actual.length != expected.length) {
            fail(what + ": length " + actual.length + " != " + expected.length);
        }
        for (int i = 0; i < actual.length; i++) {
            if (!close(actual[i], expected[i])) {
                fail(what + ": row " + i + " is " + actual[i] + ", expected " + expected[i] + " (|diff| "
                        + Math.abs(actual[i] - expected[i]) + ")");
            }
        }
    }
}
