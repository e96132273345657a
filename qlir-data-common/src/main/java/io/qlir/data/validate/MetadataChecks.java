package io.qlir.data.validate;

import io.qlir.data.file.AtomicFiles;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.Manifest;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceGrid;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import io.qlir.data.slice.StatusPolicy;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks that need only the manifest and one listing of {@code responses/}. */
final class MetadataChecks {

    private static final Map<SliceStatus, Set<SliceReason>> VALID_REASONS = new EnumMap<>(Map.of(
            SliceStatus.MISSING, EnumSet.of(SliceReason.NONE),
            SliceStatus.COMPLETE, EnumSet.of(SliceReason.NONE, SliceReason.HISTORICAL_SPARSITY),
            SliceStatus.PARTIAL, EnumSet.of(SliceReason.STILL_FORMING, SliceReason.AWAITING_UPSTREAM),
            SliceStatus.EMPTY, EnumSet.of(SliceReason.NO_DATA),
            SliceStatus.FAILED, EnumSet.of(SliceReason.HTTP_ERROR, SliceReason.NETWORK_UNAVAILABLE,
                    SliceReason.INVALID_RESPONSE, SliceReason.EXCEPTION),
            SliceStatus.NEEDS_REFRESH, EnumSet.allOf(SliceReason.class)));

    private MetadataChecks() {
    }

    /** How far a file's time may lie before the manifest read and still count as written after it (coarse clocks). */
    static final long WRITE_SLACK_MS = 2_000;

    /**
     * Manifest ↔ filesystem; zero-byte files are parse errors even without opening them. While a writer holds the
     * directory ({@code manifestReadAtMs} is then when the manifest was read, else {@code Long.MAX_VALUE}), a file
     * not in the manifest, or changed since it was indexed, whose modification time is not before the manifest was
     * read (less a little slack) was written by that writer after the read: a warning, not an error.
     * {@code localTimes} is false for a listing of copies (an object store's modification time is when the object
     * was pushed, not when the file was written): their times are not compared with the manifest's.
     */
    static void filesystem(Manifest m, List<Layout.Listed> listing, long manifestReadAtMs, boolean localTimes,
                           Findings f) {
        Map<String, Layout.Listed> byName = new HashMap<>(listing.size() * 2);
        int sliceFiles = 0;
        for (Layout.Listed l : listing) {
            byName.put(l.name(), l);
            if (l.regularFile() && !AtomicFiles.isTempFile(l.name())) {
                sliceFiles++;
            }
        }
        long recentFrom = manifestReadAtMs == Long.MAX_VALUE ? Long.MAX_VALUE : manifestReadAtMs - WRITE_SLACK_MS;
        int indexed = 0;
        for (SliceEntry e : m.entries()) {
            Layout.Listed l = byName.remove(e.id().fileName());
            if (e.hasFile()) {
                indexed++;
                if (l != null && l.mtimeMs() >= recentFrom && l.size() != e.file().size()) {
                    f.warn(Rule.MANIFEST_FILESYSTEM, e.key().canonical(), "file " + e.relativePath() + " was "
                            + "rewritten after the manifest was read (a writer is running)", "relative_path",
                            e.relativePath());
                } else {
                    indexedFile(e, l, localTimes, f);
                }
            } else if (l != null && l.mtimeMs() >= recentFrom) {
                sliceFiles--;
                f.warn(Rule.MANIFEST_FILESYSTEM, e.key().canonical(), "file " + Layout.RESPONSES + "/" + l.name()
                        + " was written after the manifest was read (a writer is running)", "file_name", l.name());
            } else {
                if (e.status().isPolicyOutcome()) {
                    f.error(Rule.MANIFEST_FILESYSTEM, e.key().canonical(), "status " + e.verdict()
                            + " but the entry has no file");
                }
                if (l != null) {
                    f.error(Rule.MANIFEST_FILESYSTEM, e.key().canonical(), "orphan file: " + Layout.RESPONSES + "/"
                            + l.name() + " exists but the manifest says " + e.status().wireCode(), "file_name", l.name());
                }
            }
        }
        for (Layout.Listed l : byName.values()) {
            if (l.regularFile() && l.mtimeMs() >= recentFrom && !AtomicFiles.isTempFile(l.name())) {
                sliceFiles--;
                f.warn(Rule.MANIFEST_FILESYSTEM, null, "file " + Layout.RESPONSES + "/" + l.name() + " was written "
                        + "after the manifest was read (a writer is running)", "file_name", l.name());
            } else if (AtomicFiles.isTempFile(l.name())) {
                f.warn(Rule.MANIFEST_FILESYSTEM, null, "leftover temp file of an interrupted write: " + l.name()
                        + " (the next writer open quarantines it)", "file_name", l.name());
            } else {
                f.error(Rule.MANIFEST_FILESYSTEM, null, "orphan file: " + Layout.RESPONSES + "/" + l.name()
                        + " is not in the manifest", "file_name", l.name());
            }
        }
        if (indexed != sliceFiles) {
            f.error(Rule.MANIFEST_FILESYSTEM, null, "count mismatch: the manifest indexes " + indexed + " files, "
                    + Layout.RESPONSES + "/ holds " + sliceFiles, "indexed", indexed, "on_disk", sliceFiles);
        }
    }

    private static void indexedFile(SliceEntry e, Layout.Listed l, boolean localTimes, Findings f) {
        String key = e.key().canonical();
        if (l == null) {
            f.error(Rule.MANIFEST_FILESYSTEM, key, "missing file: the manifest indexes " + e.relativePath()
                    + " but it is not on disk", "relative_path", e.relativePath());
            return;
        }
        if (l.size() == 0) {
            f.error(Rule.SLICE_FILE_PARSE, key, "zero-byte file " + e.relativePath(), "relative_path", e.relativePath());
        }
        if (l.size() != e.file().size()) {
            f.error(Rule.MANIFEST_FILESYSTEM, key, "file changed since it was indexed: size " + e.file().size()
                    + " in the manifest, " + l.size() + " on disk", "relative_path", e.relativePath(),
                    "manifest_size", e.file().size(), "disk_size", l.size());
        } else if (localTimes && l.mtimeMs() != e.file().mtimeMs()) {
            f.warn(Rule.MANIFEST_FILESYSTEM, key, "file's modification time differs from the manifest's (copied, or "
                    + "touched?)", "relative_path", e.relativePath(), "manifest_mtime_ms", e.file().mtimeMs(),
                    "disk_mtime_ms", l.mtimeMs());
        }
    }

    /** Alignment, grid, and rows inside the slice, from the entries. */
    static void invariants(Manifest m, Findings f) {
        SliceGrid grid = m.gridAnchor().isPresent() ? m.series().grid(m.gridAnchor().getAsLong()) : null;
        for (SliceEntry e : m.entries()) {
            SliceKey k = e.key();
            if (!k.isAligned()) {
                f.error(Rule.SLICE_INVARIANTS, k.canonical(), "start " + k.startMs() + " is not an open time of "
                        + k.interval().wireCode(), "start_ms", k.startMs(), "aligned_start_ms",
                        k.interval().floor(k.startMs()));
            } else if (e.offGrid() || (grid != null && !grid.isOnGrid(k))) {
                f.warn(Rule.SLICE_INVARIANTS, k.canonical(), "slice is off the grid anchored at "
                        + (grid == null ? "?" : grid.anchorMs()) + " (adopted from another writer; kept)",
                        "start_ms", k.startMs());
            }
            if (e.rows() != null && e.rows().misplaced() > 0) {
                f.error(Rule.SLICE_INVARIANTS, k.canonical(), e.rows().misplaced()
                        + " rows lie outside the slice or off the interval", "misplaced", e.rows().misplaced());
            }
        }
    }

    /** Gaps and duplicates inside complete slices, from the row summaries (deep mode uses the open times). */
    static void spacingInside(Manifest m, Findings f) {
        for (SliceEntry e : m.entries()) {
            RowSummary r = e.rows();
            if (r == null) {
                continue;
            }
            String key = e.key().canonical();
            if (r.duplicates() > 0 || r.unordered() > 0) {
                f.error(Rule.OPEN_TIME_SPACING, key, r.duplicates() + " duplicate and " + r.unordered()
                        + " out-of-order open times", "duplicates", r.duplicates(), "unordered", r.unordered());
            }
            if (r.gaps() > 0 && e.status() == SliceStatus.COMPLETE) {
                gap(f, e, r.gaps() + " gap" + (r.gaps() == 1 ? "" : "s") + " inside the slice", "gaps", r.gaps(),
                        "received_first_open", r.firstOpenMs(), "received_last_open", r.lastOpenMs());
            }
        }
    }

    static void gap(Findings f, SliceEntry e, String message, Object... details) {
        if (e.reason() == SliceReason.HISTORICAL_SPARSITY) {
            f.warn(Rule.OPEN_TIME_SPACING, e.key().canonical(), message + " (historical_sparsity: a real upstream gap)",
                    details);
        } else {
            f.error(Rule.OPEN_TIME_SPACING, e.key().canonical(), message, details);
        }
    }

    /** Gaps and overlaps between consecutive complete slices. */
    static void spacingAcross(Manifest m, Findings f) {
        SliceEntry prev = null;
        for (SliceEntry e : m.entries()) {
            if (e.status() != SliceStatus.COMPLETE || e.rows() == null || e.rows().count() == 0) {
                prev = null;
                continue;
            }
            if (prev != null) {
                long expected = e.key().interval().plus(prev.rows().lastOpenMs(), 1);
                long first = e.rows().firstOpenMs();
                boolean adjacent = e.key().startMs() == prev.key().endExclusiveMs();
                boolean sparse = prev.reason() == SliceReason.HISTORICAL_SPARSITY
                        || e.reason() == SliceReason.HISTORICAL_SPARSITY;
                if (first <= prev.rows().lastOpenMs()) {
                    String msg = "slices overlap: open times from " + first + " to " + prev.rows().lastOpenMs()
                            + " are in both " + prev.key() + " and this slice";
                    Object[] d = {"previous_slice", prev.key().canonical(), "overlap_from", first, "overlap_to",
                            prev.rows().lastOpenMs()};
                    if (prev.offGrid() || e.offGrid()) {
                        f.warn(Rule.OPEN_TIME_SPACING, e.key().canonical(), msg + " (an off-grid slice)", d);
                    } else {
                        f.error(Rule.OPEN_TIME_SPACING, e.key().canonical(), msg, d);
                    }
                } else if (adjacent && first != expected) {
                    long missing = e.key().interval().between(prev.rows().lastOpenMs(), first) - 1;
                    String msg = "gap across slices: " + missing + " candles missing after " + prev.rows().lastOpenMs()
                            + " (last of " + prev.key() + ") until " + first;
                    Object[] d = {"previous_slice", prev.key().canonical(), "after_open", prev.rows().lastOpenMs(),
                            "next_open", first, "missing_candles", missing};
                    if (sparse) {
                        f.warn(Rule.OPEN_TIME_SPACING, e.key().canonical(), msg
                                + " (historical_sparsity: a real upstream gap)", d);
                    } else {
                        f.error(Rule.OPEN_TIME_SPACING, e.key().canonical(), msg, d);
                    }
                }
            }
            prev = e;
        }
    }

    /** The reason fits the status, and the policy re-run on the stored rows gives the stored status. */
    static void status(Manifest m, StatusPolicy policy, Findings f) {
        for (SliceEntry e : m.entries()) {
            String key = e.key().canonical();
            SliceVerdict v = e.verdict();
            if (!VALID_REASONS.get(v.status()).contains(v.reason())) {
                f.error(Rule.STATUS_CONSISTENCY, key, "reason " + v.reason().wireCode() + " does not go with status "
                        + v.status().wireCode(), "status", v.status().wireCode(), "reason", v.reason().wireCode());
            }
            if (v.status() == SliceStatus.NEEDS_REFRESH) {
                f.warn(Rule.STATUS_CONSISTENCY, key, "needs_refresh: its file's stored status disagreed with the policy;"
                        + " the next fetch replaces it");
            } else if (v.status() == SliceStatus.FAILED) {
                f.warn(Rule.STATUS_CONSISTENCY, key, "last fetch failed (" + v.reason().wireCode() + ")"
                        + (e.error() == null ? "" : ": " + e.error()), "http_status", e.httpStatus());
            } else if (v.status().isPolicyOutcome() && e.rows() != null) {
                if (e.completedAt() == null) {
                    f.warn(Rule.STATUS_CONSISTENCY, key, "no completed_at: the status cannot be re-checked");
                    continue;
                }
                SliceVerdict rerun = policy.classify(e.key(), e.rows(), e.completedAt());
                if (rerun.status() != v.status()) {
                    f.error(Rule.STATUS_CONSISTENCY, key, "status " + v + " but the policy says " + rerun
                            + " for its rows at completed_at " + e.completedAt(), "stored", v.toString(),
                            "policy", rerun.toString(), "completed_at", e.completedAt().toString());
                }
            }
        }
    }
}
