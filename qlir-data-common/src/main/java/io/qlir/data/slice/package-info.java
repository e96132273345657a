/**
 * Slices: keys, ids, the grid, statuses and the one policy that decides them.
 *
 * <p><b>Key mental model.</b> A symbol's history is cut into fixed slices of {@code limit} candles on a
 * {@link io.qlir.data.slice.SliceGrid} anchored at its first candle. A {@link io.qlir.data.slice.SliceKey}
 * ({@code SYMBOL:interval:startMs:limit}) names a slice; its {@link io.qlir.data.slice.SliceId} (BLAKE2b-128 of the
 * key) names the file. What a slice's rows mean is decided in exactly one place, {@link
 * io.qlir.data.slice.StatusPolicy}: bounds + received open times + now → ({@link io.qlir.data.slice.SliceStatus},
 * {@link io.qlir.data.slice.SliceReason}). Nothing here touches the disk or the network.
 * <pre>{@code
 * SliceGrid grid = new SliceGrid("BTCUSDT", Interval.M1, 1000, firstCandleMs);
 * for (SliceKey key : grid.covering(from, to)) {
 *     SliceVerdict v = StatusPolicy.defaults().classify(key, openTimes(key), clock.instant());
 * }
 * }</pre>
 */
package io.qlir.data.slice;
