package io.qlir.data.manifest;

import io.qlir.data.file.AtomicFiles;
import io.qlir.data.slice.SliceKey;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a manifest in line with the files (the truth): one directory listing; files are opened only when the
 * manifest does not know them or their size or time changed.
 */
final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final Pattern SLICE_FILE = Pattern.compile("[0-9a-f]{32}\\.json");
    private static final int LOG_LIMIT = 20;

    private final Path dir;
    private final SliceSeries series;
    private final StoreOptions options;
    private final Adopter adopter;
    private final Instant now;

    TreeMap<Long, SliceEntry> entries = new TreeMap<>();
    Long anchor;
    boolean mustCompact;

    private final List<SliceKey> adopted = new ArrayList<>();
    private final List<SliceKey> reread = new ArrayList<>();
    private final List<SliceKey> missing = new ArrayList<>();
    private final List<ReconcileReport.Quarantined> quarantined = new ArrayList<>();
    private final Map<Long, Long> declaredAnchors = new HashMap<>();
    private int warnings;

    Reconciler(Path dir, SliceSeries series, StoreOptions options) {
        this.dir = dir;
        this.series = series;
        this.options = options;
        this.adopter = new Adopter(series, options.policy(), options.rowFormat());
        this.now = options.clock().instant();
    }

    ReconcileReport reconcile() throws IOException {
        long t0 = System.nanoTime();
        Layout.Pending listingToCome = Layout.listResponsesInBackground(dir);
        ManifestLoad load = loadManifest();
        boolean rebuilt = !load.manifestFound() || load.foreign();
        Path journal = dir.resolve(Layout.JOURNAL);
        mustCompact = rebuilt || !load.problems().isEmpty() || (Files.exists(journal) && Files.size(journal) > 0);
        List<Layout.Listed> listed = listingToCome.get();
        Map<String, Layout.Listed> listing = new HashMap<>(listed.size() * 2);
        for (Layout.Listed l : listed) {
            listing.put(l.name(), l);
        }
        int unchanged = matchKnown(listing);
        List<Layout.Listed> rest = new ArrayList<>(listing.values());
        rest.sort(Comparator.comparing(Layout.Listed::name));
        for (Layout.Listed l : rest) {
            handleUnknown(l);
        }
        if (anchor == null && !declaredAnchors.isEmpty()) {
            anchor = mostCommon(declaredAnchors);
            applyAnchor(entries, series, anchor);
            mustCompact = true;
        }
        mustCompact |= !adopted.isEmpty() || !reread.isEmpty() || !missing.isEmpty() || !quarantined.isEmpty();
        if (warnings > LOG_LIMIT) {
            LOG.warn("{}: {} more reconcile warnings not logged", dir, warnings - LOG_LIMIT);
        }
        return report(rebuilt, unchanged, load.problems(), Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Reads manifest and journal; a foreign manifest is quarantined (and then rebuilt from the files). */
    private ManifestLoad loadManifest() throws IOException {
        ManifestLoad load = ManifestStore.load(dir, false);
        for (ManifestLoad.Problem p : load.problems()) {
            LOG.warn("{}: {}{}", dir.resolve(p.where()), p.sliceKey() == null ? "" : p.sliceKey() + ": ", p.message());
        }
        if (load.foreign()) {
            quarantine(dir.resolve(Layout.MANIFEST), "not a qlir manifest (another tool's, or unreadable); "
                    + "the manifest was rebuilt from the slice files");
        }
        Manifest m = load.manifest();
        if (m != null && m.series().equals(series)) {
            entries = m.takeEntries();
            anchor = m.gridAnchor().isPresent() ? m.gridAnchor().getAsLong() : null;
        }
        return load;
    }

    /** Checks every known entry against the listing (removing what it finds); returns how many were unchanged. */
    private int matchKnown(Map<String, Layout.Listed> listing) throws IOException {
        int unchanged = 0;
        for (SliceEntry e : new ArrayList<>(entries.values())) {
            Layout.Listed l = listing.remove(e.id().fileName());
            if (e.hasFile() && l == null) {
                entries.put(e.key().startMs(), withoutFile(e, "file " + e.relativePath() + " disappeared"));
                missing.add(e.key());
                warn("{}: file {} is gone; marked missing", dir, e.relativePath());
            } else if (l != null && (!e.hasFile() || l.size() != e.file().size() || l.mtimeMs() != e.file().mtimeMs())) {
                if (adopt(l, e) != null) {
                    (e.hasFile() ? reread : adopted).add(e.key());
                }
            } else {
                unchanged++;
            }
        }
        return unchanged;
    }

    private ReconcileReport report(boolean rebuilt, int unchanged, List<ManifestLoad.Problem> problems,
                                   Duration elapsed) {
        List<SliceKey> refresh = new ArrayList<>();
        List<SliceKey> offGrid = new ArrayList<>();
        for (SliceKey k : concat(adopted, reread)) {
            SliceEntry e = entries.get(k.startMs());
            if (e != null && e.status() == SliceStatus.NEEDS_REFRESH) {
                refresh.add(k);
            }
            if (e != null && e.offGrid()) {
                offGrid.add(k);
            }
        }
        return new ReconcileReport(rebuilt, unchanged, adopted, reread, missing, refresh, offGrid, quarantined,
                problems, elapsed);
    }

    private void handleUnknown(Layout.Listed l) throws IOException {
        Path file = dir.resolve(Layout.RESPONSES).resolve(l.name());
        String notASlice = notASliceFile(l);
        if (notASlice != null) {
            quarantine(file, notASlice);
        } else {
            SliceEntry e = adopt(l, null);
            if (e != null) {
                adopted.add(e.key());
            }
        }
    }

    /**
     * Why an entry of {@code responses/} cannot be a slice file by its kind or name alone, or null when it may be
     * one. Symlinks and folders are never adopted (a slice file is a regular file the store wrote), and left in
     * place they would be orphans no command clears; they are quarantined like any other stray entry.
     */
    private static String notASliceFile(Layout.Listed l) {
        if (!l.regularFile()) {
            return "not a regular file (a symlink, folder or device); valid: slice files only";
        }
        if (AtomicFiles.isTempFile(l.name())) {
            return "temp file of an interrupted write (never renamed into place)";
        }
        if (!SLICE_FILE.matcher(l.name()).matches()) {
            return "not a slice file name; valid: <32 lowercase hex>.json";
        }
        return null;
    }

    /** Adopts one file; on rejection quarantines it, marks {@code known} (if any) missing and returns null. */
    private SliceEntry adopt(Layout.Listed l, SliceEntry known) throws IOException {
        Path file = dir.resolve(Layout.RESPONSES).resolve(l.name());
        Adopter.Outcome o = adopter.adopt(file, l, anchor);
        if (o instanceof Adopter.Rejected) {
            quarantine(file, ((Adopter.Rejected) o).reason());
            if (known != null) {
                entries.put(known.key().startMs(), SliceEntry.missing(known.key()));
                missing.add(known.key());
            }
            return null;
        }
        Adopter.Adopted a = (Adopter.Adopted) o;
        SliceEntry e = a.entry();
        SliceEntry previous = entries.get(e.key().startMs());
        if (previous != null && previous.status() == SliceStatus.FAILED && previous.hasFile()
                && e.file().dataSha256().equals(previous.file().dataSha256())) {
            e = new SliceEntry(e.key(), previous.verdict(), e.rows(), e.file(), previous.completedAt(),
                    previous.requestedAt(), previous.httpStatus(), previous.error(), e.offGrid());
        }
        entries.put(e.key().startMs(), e);
        if (a.declaredAnchor() != null) {
            declaredAnchors.merge(a.declaredAnchor(), 1L, Long::sum);
        }
        for (String w : a.warnings()) {
            warn("{}: {}: {}", dir, l.name(), w);
        }
        LOG.debug("{}: adopted {} as {} ({})", dir, l.name(), e.key(), e.verdict());
        return e;
    }

    /** Quarantines what {@link #rebuild(Path, SliceSeries, StoreOptions, Map)} found unusable. */
    static void quarantineUnusable(Path dir, Map<String, String> unusable, Instant now) throws IOException {
        for (Map.Entry<String, String> u : unusable.entrySet()) {
            Path file = dir.resolve(Layout.RESPONSES).resolve(u.getKey());
            String as = Quarantine.move(dir, file, u.getValue(), now);
            LOG.warn("{}: quarantined {} as {}/{}: {}", dir, u.getKey(), Layout.QUARANTINE, as, u.getValue());
        }
    }

    private void quarantine(Path file, String reason) throws IOException {
        String as = Quarantine.move(dir, file, reason, now);
        quarantined.add(new ReconcileReport.Quarantined(file.getFileName().toString(), as, reason));
        LOG.warn("{}: quarantined {} as {}/{}: {}", dir, file.getFileName(), Layout.QUARANTINE, as, reason);
    }

    private void warn(String format, Object... args) {
        if (++warnings <= LOG_LIMIT) {
            LOG.warn(format, args);
        }
    }

    static Long mostCommon(Map<Long, Long> counts) {
        return counts.entrySet().stream().max(Map.Entry.<Long, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
    }

    /** Re-derives every entry's off-grid flag for a (new) anchor. */
    static void applyAnchor(TreeMap<Long, SliceEntry> entries, SliceSeries series, Long anchor) {
        for (Map.Entry<Long, SliceEntry> me : entries.entrySet()) {
            me.setValue(me.getValue().withOffGrid(Adopter.isOffGrid(series, me.getValue().key(), anchor)));
        }
    }

    /** A manifest from the files alone: nothing is moved or written. */
    static Manifest rebuild(Path dir, SliceSeries series, StoreOptions options) throws IOException {
        return rebuild(dir, series, options, new LinkedHashMap<>());
    }

    /**
     * A manifest from the files alone; nothing is moved or written, but every entry of {@code responses/} that
     * cannot be a slice of this series is put into {@code unusable} (its name, why) for the caller to quarantine.
     */
    static Manifest rebuild(Path dir, SliceSeries series, StoreOptions options, Map<String, String> unusable)
            throws IOException {
        Adopter adopter = new Adopter(series, options.policy(), options.rowFormat());
        TreeMap<Long, SliceEntry> entries = new TreeMap<>();
        Map<Long, Long> anchors = new HashMap<>();
        for (Layout.Listed l : Layout.listResponses(dir)) {
            String notASlice = notASliceFile(l);
            if (notASlice != null) {
                unusable.put(l.name(), notASlice);
                continue;
            }
            Adopter.Outcome o = adopter.adopt(dir.resolve(Layout.RESPONSES).resolve(l.name()), l, null);
            if (o instanceof Adopter.Rejected rejected) {
                unusable.put(l.name(), rejected.reason());
            } else if (o instanceof Adopter.Adopted) {
                Adopter.Adopted a = (Adopter.Adopted) o;
                entries.put(a.entry().key().startMs(), a.entry());
                if (a.declaredAnchor() != null) {
                    anchors.merge(a.declaredAnchor(), 1L, Long::sum);
                }
            }
        }
        Long anchor = mostCommon(anchors);
        applyAnchor(entries, series, anchor);
        return new Manifest(series, anchor, entries.values());
    }

    /**
     * The live entries with the files' entries laid over them: entries without a file stay, an entry whose file gave
     * nothing usable becomes {@code missing}.
     */
    static TreeMap<Long, SliceEntry> filesOver(Map<Long, SliceEntry> live, Manifest fromFiles) {
        TreeMap<Long, SliceEntry> next = new TreeMap<>();
        for (SliceEntry e : live.values()) {
            next.put(e.key().startMs(), !e.hasFile() ? e
                    : withoutFile(e, "file " + e.relativePath() + " is not a usable slice file"));
        }
        for (SliceEntry f : fromFiles.entries()) {
            next.put(f.key().startMs(), f);
        }
        return next;
    }

    /** The entry of a slice whose file is gone or unusable: {@code missing}, saying why, keeping its grid flag. */
    private static SliceEntry withoutFile(SliceEntry e, String why) {
        return new SliceEntry(e.key(), SliceVerdict.MISSING, null, null, null, null, null, why, e.offGrid());
    }

    private static List<SliceKey> concat(List<SliceKey> a, List<SliceKey> b) {
        List<SliceKey> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
