package io.qlir.core.kernels;

/**
 * The one definition of "a value" for every kernel: a double is a value when it is finite; NaN and ±inf are "no
 * value", and kernels write NaN for them so that no result is ever ±inf.
 * <pre>{@code
 * out[i] = FiniteValues.finiteOrNaN(now / before - 1);   // NaN for 0/0 and x/0 alike
 * }</pre>
 */
public final class FiniteValues {

    private FiniteValues() {
    }

    /**
     * Whether {@code v} is finite (neither NaN nor ±inf), in the form C2 compiles to one compare.
     *
     * @param v any double
     * @return true for a finite value
     */
    public static boolean finite(double v) {
        return Math.abs(v) <= Double.MAX_VALUE;
    }

    /**
     * {@code v} if finite, else NaN, without a branch: a multiply and two adds ({@code v - v} is 0 for a finite
     * value and NaN otherwise), so loops using it vectorise. {@code -0.0} stays {@code -0.0}.
     *
     * @param v any double
     * @return {@code v}, or NaN when {@code v} is NaN or ±inf
     */
    public static double finiteOrNaN(double v) {
        return v * (1.0 + (v - v));
    }
}
