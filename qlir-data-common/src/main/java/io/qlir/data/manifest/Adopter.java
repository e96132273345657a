package io.qlir.data.manifest;

import io.qlir.data.file.RowFormat;
import io.qlir.data.file.SliceFile;
import io.qlir.data.file.SliceMeta;
import io.qlir.data.file.SliceScan;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import io.qlir.data.slice.StatusPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one slice file into a manifest entry, or says why it cannot be one. Pure: reads the file, changes
 * nothing. Shared by reconcile (which quarantines rejections) and rebuild (which leaves them alone).
 */
final class Adopter {

    sealed interface Outcome permits Adopted, Rejected {
    }

    record Adopted(SliceEntry entry, Long declaredAnchor, List<String> warnings) implements Outcome {
    }

    record Rejected(String reason) implements Outcome {
    }

    private final SliceSeries series;
    private final StatusPolicy policy;
    private final RowFormat format;

    Adopter(SliceSeries series, StatusPolicy policy, RowFormat format) {
        this.series = series;
        this.policy = policy;
        this.format = format;
    }

    Outcome adopt(Path file, Layout.Listed stat, Long anchor) throws IOException {
        SliceScan scan = SliceFile.scan(file, format);
        if (scan instanceof SliceScan.Unreadable) {
            SliceScan.Unreadable u = (SliceScan.Unreadable) scan;
            return new Rejected(u.problem().name().toLowerCase(java.util.Locale.ROOT) + ": " + u.message());
        }
        SliceScan.Parsed p = (SliceScan.Parsed) scan;
        SliceMeta meta = p.meta();
        SliceKey key = meta.key();
        String name = file.getFileName().toString();
        if (!series.contains(key)) {
            return new Rejected("mismatched: holds slice " + key + ", which is not of this directory (" + series + ")");
        }
        String foreign = SeriesMatch.mismatch(series, meta);
        if (foreign != null) {
            return new Rejected("mismatched: " + foreign);
        }
        if (!name.equals(key.id().fileName())) {
            return new Rejected("mismatched: named " + name + " but its key " + key + " hashes to "
                    + key.id().fileName());
        }
        if (meta.sliceId() != null && !meta.sliceId().equals(key.id().hex())) {
            return new Rejected("mismatched: meta slice_id " + meta.sliceId() + " is not the hash of its key " + key);
        }
        if (meta.dataSha256() != null && !meta.dataSha256().equals(p.computedSha256())) {
            return new Rejected("mismatched: data_sha256 in meta " + meta.dataSha256() + " but the data hashes to "
                    + p.computedSha256());
        }
        if (meta.nItems() != null && meta.nItems() != p.rowCount()) {
            return new Rejected("mismatched: meta n_items " + meta.nItems() + " but the file holds " + p.rowCount()
                    + " rows");
        }
        List<String> warnings = new ArrayList<>();
        RowSummary rows = p.summary();
        Instant writtenAt = meta.completedAt() != null ? meta.completedAt() : Instant.ofEpochMilli(stat.mtimeMs());
        SliceVerdict verdict;
        if (meta.verdict() == null) {
            verdict = policy.classify(key, rows, writtenAt);
            warnings.add("file records no known status; classified by the policy as " + verdict);
        } else {
            verdict = policy.recheck(key, meta.verdict(), rows, writtenAt);
            if (verdict.status() == SliceStatus.NEEDS_REFRESH) {
                warnings.add("stored status " + meta.verdict() + " disagrees with the policy on its rows ("
                        + policy.classify(key, rows, writtenAt) + " at " + writtenAt + "): needs_refresh");
            }
        }
        boolean offGrid = isOffGrid(series, key, anchor);
        if (offGrid) {
            warnings.add("slice is off the grid (anchor " + anchor + "); adopted as it is");
        }
        SliceEntry entry = new SliceEntry(key, verdict, rows,
                new FileStamp(p.size(), stat.mtimeMs(), p.computedSha256()), meta.completedAt(),
                meta.fetch().requestedAt(), meta.fetch().httpStatus(), null, offGrid);
        return new Adopted(entry, meta.gridAnchorMs(), warnings);
    }

    static boolean isOffGrid(SliceSeries series, SliceKey key, Long anchor) {
        if (!key.isAligned()) {
            return true;
        }
        return anchor != null && !series.grid(anchor).isOnGrid(key);
    }
}
