package io.qlir.testkit;

import io.qlir.emulator.BinanceRules;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake Binance received, as logged for assertions.
 *
 * @param path the path, for example {@code /api/v3/klines}
 * @param params the query parameters
 * @param arrivedAtMs arrival time by the fake's rate-limit clock, epoch millis
 * @param status the HTTP status answered (0 when the connection was dropped)
 * @param fault the fault injected, if any
 * @param weight the weight charged (0 when refused by the rate limit)
 */
public record FakeRequest(String path, Map<String, String> params, long arrivedAtMs, int status,
        Optional<Fault> fault, int weight) {

    /**
     * Whether this was a klines or uiKlines request.
     *
     * @return true for either kline path
     */
    public boolean isKlines() {
        return BinanceRules.isKlines(path);
    }

    /**
     * One query parameter.
     *
     * @param name the parameter name
     * @return its value, or null when absent
     */
    public String param(String name) {
        return params.get(name);
    }
}
