package io.qlir.ops.indicators;

import io.qlir.core.WireCodec;
import io.qlir.core.WireCoded;

/**
 * Where a bar sits against three band lines, one label per bar (the {@code {stem}_position} column of
 * {@link Indicators#bandTouches(tech.tablesaw.api.Table, Bands, double)}).
 *
 * <p>A line is touched when {@code low <= line <= high} or {@code |close - line| <= eps * (upper - lower)}. Touched
 * lines decide the label first (two or three touched lines have labels of their own); a bar that touches nothing
 * lies entirely in one of the four gaps around the lines. A bar entirely above the upper band is
 * {@link #FULLY_ABOVE}, never {@link #WITHIN_UPPER}. The column holds wire codes; read them back with {@link #CODEC}:
 * <pre>{@code
 * BandPosition p = BandPosition.CODEC.decode(table.stringColumn("close_boll_20_2_position").get(i));
 * }</pre>
 */
public enum BandPosition implements WireCoded {
    /** No line touched; the whole bar is below the lower line. */
    FULLY_BELOW("fully_below"),
    /** Only the lower line is touched. */
    TOUCH_LOWER("touch_lower"),
    /** No line touched; the bar lies between the lower and the middle line. */
    WITHIN_LOWER("within_lower"),
    /** The lower and the middle line are touched, the upper is not. */
    TOUCH_LOWER_MID("touch_lower_mid"),
    /** Only the middle line is touched. */
    TOUCH_MID("touch_mid"),
    /** The middle and the upper line are touched, the lower is not. */
    TOUCH_MID_UPPER("touch_mid_upper"),
    /** No line touched; the bar lies between the middle and the upper line. */
    WITHIN_UPPER("within_upper"),
    /** Only the upper line is touched. */
    TOUCH_UPPER("touch_upper"),
    /** No line touched; the whole bar is above the upper line. */
    FULLY_ABOVE("fully_above"),
    /** The lower and the upper line are touched (and so, for a bar spanning both, the middle one). */
    TOUCH_ALL("touch_all");

    /** The one codec between constants and the wire codes written into position columns. */
    public static final WireCodec<BandPosition> CODEC = WireCodec.of(BandPosition.class, "band position");

    private final String wireCode;

    BandPosition(String wireCode) {
        this.wireCode = wireCode;
    }

    @Override
    public String wireCode() {
        return wireCode;
    }

    /**
     * The label of a bar from which lines it touched and where it lies.
     *
     * @param lower whether the lower line is touched
     * @param mid whether the middle line is touched
     * @param upper whether the upper line is touched
     * @param high the bar's high
     * @param low the bar's low
     * @param lowerLine the lower line's value
     * @param midLine the middle line's value
     * @param upperLine the upper line's value
     * @return the label
     */
    static BandPosition classify(boolean lower, boolean mid, boolean upper, double high, double low,
            double lowerLine, double midLine, double upperLine) {
        if (lower && upper) {
            return TOUCH_ALL;
        }
        if (lower && mid) {
            return TOUCH_LOWER_MID;
        }
        if (mid && upper) {
            return TOUCH_MID_UPPER;
        }
        if (lower) {
            return TOUCH_LOWER;
        }
        if (mid) {
            return TOUCH_MID;
        }
        if (upper) {
            return TOUCH_UPPER;
        }
        if (high < lowerLine) {
            return FULLY_BELOW;
        }
        if (low > upperLine) {
            return FULLY_ABOVE;
        }
        return high < midLine ? WITHIN_LOWER : WITHIN_UPPER;
    }
}
