package io.qlir.binance;

import io.qlir.core.Interval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a {@link BinanceDataServer} runs: its jobs, all-trading lists resolved. */
final class ServerJobs {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceDataServer.class);

    private ServerJobs() {
    }

    /** One job per trading symbol of an endpoint and interval, quoted in an asset (null for all). */
    record AllTrading(Endpoint endpoint, Interval interval, String quoteAsset) {
    }

    /**
     * The jobs given, then one per trading symbol of each all-trading list (reading exchangeInfo), each once.
     *
     * @throws IllegalStateException when there is no job
     * @throws FetchException when exchangeInfo cannot be read
     */
    static List<FetchJob> resolve(BinanceClient client, Collection<FetchJob> jobs, List<AllTrading> allTrading) {
        List<FetchJob> all = new ArrayList<>(jobs);
        for (AllTrading a : allTrading) {
            BinanceResult<List<String>> r = a.quoteAsset() == null ? client.tradingSymbols()
                    : client.tradingSymbols(a.quoteAsset());
            if (!r.isOk()) {
                throw new FetchException("cannot list the trading symbols: " + r.describe(), null);
            }
            for (String s : r.orThrow()) {
                FetchJob j;
                try {
                    j = FetchJob.of(a.endpoint(), s, a.interval());
                } catch (IllegalArgumentException e) { // a server-supplied name becomes a folder: never trust it
                    LOG.warn("exchangeInfo lists a symbol that cannot be stored, skipped: {}", e.getMessage());
                    continue;
                }
                if (!all.contains(j)) {
                    all.add(j);
                }
            }
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("a data server needs at least one job; add job(...) or allTrading(...)");
        }
        return all;
    }
}
