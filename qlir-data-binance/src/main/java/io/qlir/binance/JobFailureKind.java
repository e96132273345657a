package io.qlir.binance;

/**
 * Why a job's step failed, as a {@link FetchListener#jobFailed} hears it: a small closed set, so a metrics label
 * stays bounded.
 */
public enum JobFailureKind {
    /** A slice was marked failed: the network, HTTP 5xx or a bad body outlasted the retries. */
    SLICE,
    /** Binance refused a kline request (HTTP 4xx with an error code). */
    REFUSED,
    /** The store failed: the disk, a locked directory, a manifest that does not load; or a probe failed. */
    STORE,
    /** Binance does not know the symbol; the job ended for good. */
    UNKNOWN_SYMBOL,
    /** Anything else (a defect): the job backs off and tries again. */
    OTHER
}
