package io.qlir.data.manifest;

import io.qlir.data.slice.SliceKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link SliceDirectory#reconcile()} found and did to bring the manifest in line with the files.
 *
 * <p>A restart after a clean stop reports nothing changed ({@link #changedNothing()}).
 * <pre>{@code
 * ReconcileReport r = dir.lastReconcile();
 * log.info(r.describe());   // "reconciled 1044 slices: 1044 unchanged"
 * }</pre>
 *
 * @param rebuilt true when there was no usable manifest and it was rebuilt from the files
 * @param unchanged how many entries matched their files untouched
 * @param adopted files the manifest did not know, now in it
 * @param reread known files that changed on disk (size or time) and were read again
 * @param markedMissing entries whose file is gone, now {@code missing}
 * @param needsRefresh adopted or re-read files whose stored status disagrees with the policy on their rows
 * @param offGrid adopted slices that do not lie on the directory's grid (kept, with a warning)
 * @param quarantined files moved to {@code quarantine/}, with the reason
 * @param journalProblems problems met reading the manifest and journal (a torn last line among them)
 * @param elapsed how long it took
 */
public record ReconcileReport(boolean rebuilt, int unchanged, List<SliceKey> adopted, List<SliceKey> reread,
                              List<SliceKey> markedMissing, List<SliceKey> needsRefresh, List<SliceKey> offGrid,
                              List<Quarantined> quarantined, List<ManifestLoad.Problem> journalProblems,
                              Duration elapsed) {

    /**
     * Copies the lists.
     *
     * @param rebuilt true when the manifest was rebuilt from the files
     * @param unchanged how many entries matched their files
     * @param adopted files the manifest did not know
     * @param reread known files that changed and were read again
     * @param markedMissing entries whose file is gone
     * @param needsRefresh files whose stored status disagrees with the policy
     * @param offGrid adopted slices off the grid
     * @param quarantined files moved to quarantine
     * @param journalProblems problems met reading the manifest and journal
     * @param elapsed how long it took
     */
    public ReconcileReport {
        adopted = List.copyOf(adopted);
        reread = List.copyOf(reread);
        markedMissing = List.copyOf(markedMissing);
        needsRefresh = List.copyOf(needsRefresh);
        offGrid = List.copyOf(offGrid);
        quarantined = List.copyOf(quarantined);
        journalProblems = List.copyOf(journalProblems);
    }

    /**
     * A file moved to {@code quarantine/}.
     *
     * @param fileName its name in {@code responses/}
     * @param quarantinedAs its name in {@code quarantine/}
     * @param reason why (also written to {@code quarantine/<name>.reason})
     */
    public record Quarantined(String fileName, String quarantinedAs, String reason) {
    }

    /**
     * Whether reconciling found the manifest and files in agreement and touched nothing.
     *
     * @return true when nothing was rebuilt, adopted, re-read, marked, quarantined or found damaged
     */
    public boolean changedNothing() {
        return !rebuilt && adopted.isEmpty() && reread.isEmpty() && markedMissing.isEmpty() && quarantined.isEmpty()
                && journalProblems.isEmpty();
    }

    /**
     * One line for logs.
     *
     * @return for example {@code reconciled: 1040 unchanged, 3 adopted, 1 quarantined (12 ms)}
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (rebuilt) {
            parts.add("rebuilt from files");
        }
        parts.add(unchanged + " unchanged");
        add(parts, adopted.size(), "adopted");
        add(parts, reread.size(), "re-read");
        add(parts, markedMissing.size(), "marked missing");
        add(parts, needsRefresh.size(), "need refresh");
        add(parts, offGrid.size(), "off grid");
        add(parts, quarantined.size(), "quarantined");
        add(parts, journalProblems.size(), "journal/manifest problems");
        return "reconciled: " + String.join(", ", parts) + " (" + elapsed.toMillis() + " ms)";
    }

    private static void add(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(n + " " + what);
        }
    }
}
