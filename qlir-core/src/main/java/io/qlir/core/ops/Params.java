package io.qlir.core.ops;

import java.util.Arrays;

/** Validation of op params, with one clear message naming the op, the param and what is valid. */
final class Params {

    private Params() {
    }

    /** {@code first} followed by {@code more}, each checked to be at least {@code min}. */
    static int[] atLeast(String op, String param, int min, int first, int... more) {
        int[] all = new int[1 + more.length];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        for (int v : all) {
            if (v < min) {
                throw new IllegalArgumentException(op + ": " + param + " must be >= " + min + ", got " + v
                        + " (in " + Arrays.toString(all) + ")");
            }
        }
        return all;
    }

    static double tolerance(String op, double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException(op + ": tolerance must be a finite number >= 0, got " + tolerance);
        }
        return tolerance;
    }
}
