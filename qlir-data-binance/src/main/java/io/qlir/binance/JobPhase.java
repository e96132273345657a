package io.qlir.binance;

/**
 * What a data-server job is doing now (see {@link JobState}).
 */
public enum JobPhase {
    /** Probing the first candle, opening and reconciling its directory. */
    STARTING,
    /** Fetching due slices. */
    FETCHING,
    /** Nothing is due: waiting for the next candle to close (or the next refresh of the forming one). */
    SLEEPING,
    /** Something failed (the network, the disk, a locked directory): waiting before trying again. */
    BACKING_OFF,
    /** Ended for good: Binance does not know the symbol. The other jobs go on. */
    FAILED,
    /** Ended by a stop request. */
    STOPPED
}
