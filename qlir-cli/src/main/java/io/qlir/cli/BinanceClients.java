package io.qlir.cli;

import io.qlir.binance.BinanceClient;
import io.qlir.binance.RequestListener;
import io.qlir.cli.config.RuntimeConfig;
import io.qlir.data.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;

/** Builds the one {@link BinanceClient} of a process from its {@link RuntimeConfig}. */
final class BinanceClients {

    private BinanceClients() {
    }

    /** The retry settings of the configuration as the policy every client of the process shares (Binance, S3). */
    static RetryPolicy retryPolicy(RuntimeConfig config) {
        return RetryPolicy.defaults().toBuilder()
                .maxAttempts(config.retry().maxAttempts())
                .initialDelay(config.retry().initialBackoff())
                .maxDelay(config.retry().maxBackoff())
                .build();
    }

    static BinanceClient from(RuntimeConfig config, Clock clock) {
        return from(config, clock, RequestListener.NONE);
    }

    static BinanceClient from(RuntimeConfig config, Clock clock, RequestListener listener) {
        RetryPolicy retry = retryPolicy(config);
        return BinanceClient.builder()
                .baseUrl(config.baseUrl().toString())
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .weightLimit(config.weightBudget(), Duration.ofMinutes(1))
                .retryPolicy(retry)
                .clock(clock)
                .requestListener(listener)
                .build();
    }
}
