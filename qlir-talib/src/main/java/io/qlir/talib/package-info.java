/**
 * TA-Lib's whole catalogue as qlir ops: {@code talib(CCI,20)}, {@code talib(STOCHF,14,3)}, {@code talib(MOM,close,10)}.
 *
 * <p><b>Key mental model.</b> Nothing here is written per function. {@code TaCatalog} reads every function of
 * TA-Lib's Java port from its metadata (the annotated methods of {@code CoreAnnotated}); a call
 * {@code talib(NAME, args...)} binds column arguments, then options (defaults from that metadata); {@code TaCall}
 * runs the port's method over whole columns and places each output at its row; the spec of every output declares
 * the rows TA-Lib's own lookback implies ({@code [i-L .. i]}, or {@code [.. i]} for functions whose value depends on
 * every earlier row). {@link io.qlir.talib.TaLib} is the façade, {@link io.qlir.talib.TaLibOpProvider} the one hook into the
 * op catalogue.
 * <pre>{@code
 * Derived d = TaLib.apply(candles, "CCI", 20);
 * d.explain();   // TALIB_CCI(time_period=20, rows_used=[i-19 .. i], write_col=talib_cci_20, write_row=i)
 * }</pre>
 */
package io.qlir.talib;
