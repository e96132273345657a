package io.qlir.data.manifest;

/**
 * When a journal append reaches the disk.
 *
 * <p>The slice file, fsynced before its journal line is written, is the truth: a journal line lost in a crash is
 * recovered at the next open, which notices the file the manifest does not know. So the journal may trade
 * durability for speed.
 * <pre>{@code
 * StoreOptions.builder().journalDurability(JournalDurability.BATCHED).build()
 * }</pre>
 */
public enum JournalDurability {
    /**
     * Every append is fsynced before it returns; appends from several threads that arrive during one fsync share
     * the next (group commit).
     */
    EVERY_APPEND,
    /**
     * Appends are fsynced in batches: once 64 lines are pending or 50 ms have passed since the last fsync, and at
     * every compaction and close.
     */
    BATCHED
}
