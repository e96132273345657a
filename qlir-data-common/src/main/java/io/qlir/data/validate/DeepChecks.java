package io.qlir.data.validate;

import io.qlir.core.Interval;
import io.qlir.data.file.RowFormat;
import io.qlir.data.file.SliceFile;
import io.qlir.data.file.SliceMeta;
import io.qlir.data.file.SliceScan;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.Manifest;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.manifest.StoreSource;
import io.qlir.data.slice.RowSummary;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import io.qlir.data.slice.StatusPolicy;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The checks that read every slice file: parse, meta ↔ key ↔ params, hash, exact spacing, status. */
final class DeepChecks {

    private static final int MAX_LISTED = 10;

    private final StoreSource source;
    private final Path dir;
    private final StatusPolicy policy;
    private final RowFormat format;
    private final Findings f;
    int filesRead;
    long rowsRead;

    DeepChecks(StoreSource source, Path dir, StatusPolicy policy, RowFormat format, Findings f) {
        this.source = source;
        this.dir = dir;
        this.policy = policy;
        this.format = format;
        this.f = f;
    }

    void run(Manifest m) {
        for (SliceEntry e : m.entries()) {
            Path file = Layout.sliceFile(dir, e.key());
            if (!e.hasFile()) {
                continue; // reported by the filesystem rule
            }
            String key = e.key().canonical();
            SliceScan scan;
            try {
                scan = SliceFile.scan(source.read(file), file, format);
            } catch (NoSuchFileException ex) {
                continue; // reported by the filesystem rule
            } catch (IOException ex) {
                f.error(Rule.SLICE_FILE_PARSE, key, "cannot read " + e.relativePath() + ": " + ex, "relative_path",
                        e.relativePath());
                continue;
            }
            filesRead++;
            if (scan instanceof SliceScan.Unreadable) {
                SliceScan.Unreadable u = (SliceScan.Unreadable) scan;
                if (u.problem() != SliceScan.Problem.ZERO_BYTE) { // zero-byte is reported from the listing
                    f.error(Rule.SLICE_FILE_PARSE, key, u.problem().name().toLowerCase(java.util.Locale.ROOT) + ": "
                            + u.message(), "relative_path", e.relativePath());
                }
                continue;
            }
            SliceScan.Parsed p = (SliceScan.Parsed) scan;
            long[] opens = p.openTimes();
            rowsRead += opens.length;
            checkFile(m.series(), e, p, opens);
        }
    }

    private void checkFile(SliceSeries series, SliceEntry e, SliceScan.Parsed p, long[] opens) {
        String key = e.key().canonical();
        SliceMeta meta = p.meta();
        if (!meta.key().equals(e.key())) {
            f.error(Rule.SLICE_INVARIANTS, key, "file " + e.relativePath() + " holds slice " + meta.key()
                    + ", not the manifest's", "file_key", meta.key().canonical());
            return;
        }
        invariants(series, e, meta, p.rowCount(), opens);
        if (meta.dataSha256() != null && !meta.dataSha256().equals(p.computedSha256())) {
            f.error(Rule.DATA_HASH, key, "data does not hash to the meta's data_sha256", "meta_sha256",
                    meta.dataSha256(), "computed_sha256", p.computedSha256());
        }
        if (e.file().dataSha256() != null && !e.file().dataSha256().equals(p.computedSha256())) {
            f.error(Rule.DATA_HASH, key, "data does not hash to the manifest's data_sha256", "manifest_sha256",
                    e.file().dataSha256(), "computed_sha256", p.computedSha256());
        }
        RowSummary actual = RowSummary.of(e.key(), opens);
        if (!actual.equals(e.rows())) {
            f.error(Rule.SLICE_INVARIANTS, key, "the manifest's row summary differs from the file's rows",
                    "manifest", String.valueOf(e.rows()), "file", actual.toString());
        }
        spacing(e, opens);
        status(e, meta, actual);
    }

    private void invariants(SliceSeries series, SliceEntry e, SliceMeta meta, int rows, long[] opens) {
        String key = e.key().canonical();
        SliceKey k = e.key();
        if (meta.sliceId() != null && !meta.sliceId().equals(k.id().hex())) {
            f.error(Rule.SLICE_INVARIANTS, key, "meta slice_id " + meta.sliceId() + " is not the hash of the key",
                    "meta_slice_id", meta.sliceId(), "expected", k.id().hex());
        }
        agree(key, "meta symbol", meta.rawText("symbol"), k.symbol());
        agree(key, "meta interval", meta.rawText("interval"), k.interval().wireCode());
        agree(key, "meta limit", meta.rawText("limit"), Integer.toString(k.limit()));
        agree(key, "meta endpoint", meta.endpoint(), series.endpoint());
        Map<String, String> params = meta.fetch().params();
        agree(key, "request param symbol", params.get("symbol"), k.symbol());
        agree(key, "request param interval", params.get("interval"), k.interval().wireCode());
        agree(key, "request param limit", params.get("limit"), Integer.toString(k.limit()));
        requestStart(key, k, params.get("startTime"), opens);
        if (meta.nItems() != null && meta.nItems() != rows) {
            f.error(Rule.SLICE_INVARIANTS, key, "meta n_items " + meta.nItems() + " but the file holds " + rows
                    + " rows", "n_items", meta.nItems(), "rows", rows);
        }
        Long first = opens.length == 0 ? null : opens[0];
        Long last = opens.length == 0 ? null : opens[opens.length - 1];
        if (meta.receivedFirstOpenMs() != null && !meta.receivedFirstOpenMs().equals(first)
                || meta.receivedLastOpenMs() != null && !meta.receivedLastOpenMs().equals(last)) {
            f.error(Rule.SLICE_INVARIANTS, key, "meta received_first_open/received_last_open disagree with the rows",
                    "meta_first", meta.receivedFirstOpenMs(), "meta_last", meta.receivedLastOpenMs(), "rows_first",
                    first, "rows_last", last);
        }
    }

    /**
     * The request's {@code startTime} is the slice start, or, for a tail fetch (the forming slice fetched again from
     * its last stored candle on), an open time inside the slice no later than the file's last row: the rows before
     * it came from the earlier fetch the tail extends.
     */
    private void requestStart(String key, SliceKey k, String declared, long[] opens) {
        if (declared == null || declared.equals(Long.toString(k.startMs()))) {
            return;
        }
        long sent;
        try {
            sent = Long.parseLong(declared);
        } catch (NumberFormatException ex) {
            sent = Long.MIN_VALUE;
        }
        long lastRow = opens.length == 0 ? k.startMs() : opens[opens.length - 1];
        boolean tail = k.contains(sent) && k.interval().floor(sent) == sent && sent <= lastRow;
        if (!tail) {
            f.error(Rule.SLICE_INVARIANTS, key, "request param startTime is '" + declared + "' but the slice key says '"
                    + k.startMs() + "' (a tail fetch may start later: at an open time inside the slice, no later than "
                    + "its last row " + lastRow + ")", "declared", declared, "expected", Long.toString(k.startMs()));
        }
    }

    private void agree(String key, String what, String declared, String expected) {
        if (declared != null && !declared.equals(expected)) {
            f.error(Rule.SLICE_INVARIANTS, key, what + " is '" + declared + "' but the slice key says '" + expected
                    + "'", "declared", declared, "expected", expected);
        }
    }

    private void spacing(SliceEntry e, long[] opens) {
        Interval interval = e.key().interval();
        List<Long> duplicates = new ArrayList<>();
        List<Map<String, Object>> gaps = new ArrayList<>();
        int gapCount = 0;
        for (int i = 1; i < opens.length; i++) {
            long prev = opens[i - 1];
            long t = opens[i];
            if (t <= prev) {
                if (duplicates.size() < MAX_LISTED) {
                    duplicates.add(t);
                }
                continue;
            }
            long next = interval.plus(prev, 1);
            if (t != next) {
                gapCount++;
                if (gaps.size() < MAX_LISTED) {
                    gaps.add(Findings.map("after_open", prev, "next_open", t, "missing_candles",
                            interval.between(prev, t) - 1));
                }
            }
        }
        String key = e.key().canonical();
        if (!duplicates.isEmpty()) {
            f.error(Rule.OPEN_TIME_SPACING, key, "duplicate or out-of-order open times", "open_times", duplicates);
        }
        if (gapCount > 0 && e.status() == SliceStatus.COMPLETE) {
            MetadataChecks.gap(f, e, gapCount + " gap" + (gapCount == 1 ? "" : "s") + " inside the slice, first after "
                    + gaps.get(0).get("after_open"), "gaps", gapCount, "first_gaps", gaps);
        }
    }

    private void status(SliceEntry e, SliceMeta meta, RowSummary actual) {
        String key = e.key().canonical();
        SliceVerdict stored = meta.verdict();
        if (stored == null || !stored.status().isPolicyOutcome() || meta.completedAt() == null) {
            return;
        }
        if (e.status().isPolicyOutcome() && !Objects.equals(e.verdict(), stored)) {
            f.error(Rule.SLICE_INVARIANTS, key, "the manifest says " + e.verdict() + " but the file's meta says "
                    + stored, "manifest", e.verdict().toString(), "meta", stored.toString());
        }
        if (e.status() == SliceStatus.NEEDS_REFRESH) {
            return; // known and reported from the manifest
        }
        SliceVerdict rerun = policy.classify(e.key(), actual, meta.completedAt());
        if (rerun.status() != stored.status()) {
            f.error(Rule.STATUS_CONSISTENCY, key, "file meta says " + stored + " but the policy says " + rerun
                    + " for its rows at completed_at " + meta.completedAt(), "stored", stored.toString(), "policy",
                    rerun.toString());
        }
    }
}
