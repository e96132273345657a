package io.qlir.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Draws a long run's progress on stderr (a fetch's slices, {@code indicators --symbols}' series): on a terminal, one
 * bar redrawn in place ({@code BTCUSDT 1m klines  [#########-----]  612/1044 slices  84k rows/s  ETA 0:41});
 * otherwise (a pipe, a log file, CI) a plain line every few seconds, so logs stay readable.
 */
final class ProgressView {

    static final int BAR_WIDTH = 24;
    static final long TERMINAL_REDRAW_NANOS = 100_000_000L;       // 10 redraws a second at most
    static final long PLAIN_LINE_NANOS = 5_000_000_000L;          // a plain line every 5 s at most

    private final PrintWriter err;
    private final boolean terminal;
    private final String label;
    private final String unit;
    private final LongSupplier nanoTime;
    private long lastDrawNanos = Long.MIN_VALUE;
    private int lastWidth;

    ProgressView(PrintWriter err, boolean terminal, String label, LongSupplier nanoTime) {
        this(err, terminal, label, "slices", nanoTime);
    }

    /** A view counting {@code unit}s ({@code slices}, {@code series}). */
    ProgressView(PrintWriter err, boolean terminal, String label, String unit, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.label = label;
        this.unit = unit;
        this.nanoTime = nanoTime;
    }

    /**
     * Reports progress; draws only when enough time has passed since the last drawing, or when done.
     *
     * @param elapsed wall time since the run started, for the rate and the ETA
     */
    void update(long done, long total, long rows, Duration elapsed) {
        long now = nanoTime.getAsLong();
        long every = terminal ? TERMINAL_REDRAW_NANOS : PLAIN_LINE_NANOS;
        boolean finished = total > 0 && done >= total;
        if (!finished && lastDrawNanos != Long.MIN_VALUE && now - lastDrawNanos < every) {
            return;
        }
        lastDrawNanos = now;
        String line = line(label, unit, done, total, rows, elapsed.toNanos(), terminal);
        if (terminal) {
            int pad = Math.max(0, lastWidth - line.length());
            err.print("\r" + line + " ".repeat(pad));
            lastWidth = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the bar's line on a terminal, so what follows starts on a fresh line. */
    void finish() {
        if (terminal && lastWidth > 0) {
            err.println();
            err.flush();
            lastWidth = 0;
        }
    }

    static String line(String label, long done, long total, long rows, long elapsedNanos, boolean withBar) {
        return line(label, "slices", done, total, rows, elapsedNanos, withBar);
    }

    static String line(String label, String unit, long done, long total, long rows, long elapsedNanos,
                       boolean withBar) {
        double seconds = elapsedNanos / 1e9;
        String rate = seconds > 0 ? count(rows / seconds) + " rows/s" : "- rows/s";
        String eta = done > 0 && total > done
                ? "ETA " + clock(Duration.ofNanos((long) (elapsedNanos * ((double) (total - done) / done))))
                : total > 0 && done >= total ? "done in " + clock(Duration.ofNanos(elapsedNanos)) : "ETA -";
        if (withBar) {
            return label + "  " + bar(done, total, BAR_WIDTH) + "  " + done + "/" + total + " " + unit + "  "
                    + rate + "  " + eta;
        }
        return label + ": " + done + "/" + total + " " + unit + ", " + rate + ", " + eta;
    }

    static String bar(long done, long total, int width) {
        int filled = total <= 0 ? 0 : (int) Math.min(width, done * width / total);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
    }

    /** 950, 84k, 1.2M: three significant characters are enough for a rate. */
    static String count(double n) {
        if (n < 1_000) {
            return String.format(Locale.ROOT, "%.0f", n);
        }
        if (n < 10_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1_000);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.0fk", n / 1_000);
        }
        return String.format(Locale.ROOT, "%.1fM", n / 1_000_000);
    }

    /** 0:41, 12:03, 1:02:03. */
    static String clock(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
