package io.qlir.data.manifest;

import java.util.Objects;

/**
 * The one error for "no such series": the data root holds no directory for it, or (in a venue module) the venue
 * does not know its symbol. Nothing was read or written.
 *
 * <p>It is an {@link IllegalArgumentException} because it is bad input: retrying cannot help, choosing another
 * series (or fetching this one first) can. The message names the series, the path looked at, and what is there
 * instead. {@link SliceReader#open}, the venue's loader and its fetch all throw it (or a subclass).
 * <pre>{@code
 * try { SliceReader.open(dataRoot, series); }
 * catch (NoSuchSeriesException e) { log.error("{}: {}", e.series(), e.getMessage()); }
 * }</pre>
 */
public class NoSuchSeriesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The series asked for. */
    private final transient SliceSeries series;

    /**
     * Builds the error.
     *
     * @param series the series asked for
     * @param message what was looked for, where, and what is there instead
     */
    public NoSuchSeriesException(SliceSeries series, String message) {
        super(message);
        this.series = Objects.requireNonNull(series, "series");
    }

    /**
     * The series asked for.
     *
     * @return the series
     */
    public SliceSeries series() {
        return series;
    }
}
