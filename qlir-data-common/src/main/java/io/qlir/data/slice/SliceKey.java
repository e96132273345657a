package io.qlir.data.slice;

import io.qlir.core.Interval;
import java.util.Objects;

/**
 * One slice of a symbol's history: {@code limit} candles of {@code interval} starting at {@code startMs}.
 *
 * <p>The canonical key {@code SYMBOL:interval:startMs:limit} (for example {@code BTCUSDT:1m:1502942400000:1000}) is
 * the slice's identity; its {@link SliceId} names the slice file. The end is derived, never stored: a slice covers
 * open times {@code [startMs, endMs()]}, which for {@code 1M} counts calendar months. A key need not be aligned or on
 * a grid (files from other writers are read as they are); {@link #isAligned()} and {@link SliceGrid#isOnGrid} tell.
 * <pre>{@code
 * SliceKey k = SliceKey.parse("BTCUSDT:1m:1502942400000:1000");
 * k.id().hex();          // "b23d5aa5cc1e2ea9268c7ca32f1c6c28"
 * k.lastOpenMs();        // 1502942400000 + 999 minutes
 * }</pre>
 *
 * @param symbol the instrument, for example {@code BTCUSDT}
 * @param interval the candle interval
 * @param startMs the open time of the slice's first candle, epoch millis UTC
 * @param limit how many candles the slice holds when full
 */
public record SliceKey(String symbol, Interval interval, long startMs, int limit) {

    /**
     * Checks the parts of a key.
     *
     * @param symbol the instrument: letters, digits, {@code .}, {@code _} or {@code -}, at least one letter or digit
     *     (it names a folder, so {@code .} and {@code ..} are refused)
     * @param interval the candle interval
     * @param startMs the open time of the first candle (not negative)
     * @param limit how many candles the slice holds when full (at least 1)
     * @throws IllegalArgumentException naming the bad part and what would be valid
     */
    public SliceKey {
        Objects.requireNonNull(interval, "interval");
        if (!isSymbol(symbol)) {
            throw new IllegalArgumentException("bad symbol '" + symbol
                    + "' in slice key; valid: letters, digits, '.', '_' or '-' with at least one letter or digit, for "
                    + "example BTCUSDT");
        }
        if (startMs < 0) {
            throw new IllegalArgumentException("bad slice start " + startMs + " for " + symbol
                    + "; valid: epoch millis >= 0");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("bad slice limit " + limit + " for " + symbol + "; valid: >= 1");
        }
    }

    private static boolean isSymbol(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        boolean alnum = false; // a symbol becomes a folder name: "." or ".." would leave raw/
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letterOrDigit = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && c != '.' && c != '_' && c != '-') {
                return false;
            }
            alnum |= letterOrDigit;
        }
        return alnum;
    }

    /**
     * Parses a canonical key {@code SYMBOL:interval:startMs:limit}.
     *
     * @param canonical the key, for example {@code BTCUSDT:1m:1502942400000:1000}
     * @return the key
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static SliceKey parse(String canonical) {
        int a = canonical == null ? -1 : canonical.indexOf(':');
        int b = a < 0 ? -1 : canonical.indexOf(':', a + 1);
        int c = b < 0 ? -1 : canonical.indexOf(':', b + 1);
        if (c < 0 || canonical.indexOf(':', c + 1) >= 0) {
            throw new IllegalArgumentException("bad slice key '" + canonical
                    + "'; valid: SYMBOL:interval:startMs:limit, for example BTCUSDT:1m:1502942400000:1000");
        }
        try {
            return new SliceKey(canonical.substring(0, a), Interval.parse(canonical.substring(a + 1, b)),
                    Long.parseLong(canonical, b + 1, c, 10), Integer.parseInt(canonical, c + 1, canonical.length(), 10));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad slice key '" + canonical + "': " + e.getMessage(), e);
        }
    }

    /**
     * The canonical key, {@code SYMBOL:interval:startMs:limit}: the text the {@link SliceId} hashes.
     *
     * @return the canonical key
     */
    public String canonical() {
        return symbol + ':' + interval.wireCode() + ':' + startMs + ':' + limit;
    }

    /**
     * The slice id (BLAKE2b-128 of the canonical key), which names the slice file.
     *
     * @return the id
     */
    public SliceId id() {
        return SliceId.of(this);
    }

    /**
     * The open time of the last candle a full slice holds.
     *
     * @return {@code startMs + (limit - 1)} intervals
     */
    public long lastOpenMs() {
        return interval.plus(startMs, limit - 1L);
    }

    /**
     * The first millisecond after the slice: the start of the next slice on its grid.
     *
     * @return {@code startMs + limit} intervals
     */
    public long endExclusiveMs() {
        return interval.plus(startMs, limit);
    }

    /**
     * The last millisecond the slice covers (the close time of its last candle).
     *
     * @return {@link #endExclusiveMs()} minus one
     */
    public long endMs() {
        return endExclusiveMs() - 1;
    }

    /**
     * The slice's length in milliseconds (for {@code 1M}, the length of these particular months).
     *
     * @return {@code endExclusiveMs() - startMs}
     */
    public long spanMs() {
        return endExclusiveMs() - startMs;
    }

    /**
     * Whether a candle of the interval opens exactly at {@code startMs}.
     *
     * @return true when the start is aligned to the interval
     */
    public boolean isAligned() {
        return interval.isAligned(startMs);
    }

    /**
     * Whether an open time lies inside the slice.
     *
     * @param openTimeMs an open time in epoch millis
     * @return true when {@code startMs <= openTimeMs <= endMs()}
     */
    public boolean contains(long openTimeMs) {
        return openTimeMs >= startMs && openTimeMs < endExclusiveMs();
    }

    /**
     * The canonical key.
     *
     * @return {@link #canonical()}
     */
    @Override
    public String toString() {
        return canonical();
    }
}
