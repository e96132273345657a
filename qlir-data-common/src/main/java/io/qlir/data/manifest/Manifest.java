package io.qlir.data.manifest;

import io.qlir.data.slice.SliceKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * An immutable snapshot of a slice directory's index: its series, grid anchor and one entry per slice.
 *
 * <p>The slice files are the truth; a manifest is what can be known about them without opening them. Entries are
 * ordered by slice start, one per key. Two manifests are equal when series, anchor and entries are, which is how
 * {@link SliceDirectory#rebuild()} is compared with the live one.
 * <pre>{@code
 * ManifestLoad load = Manifest.load(dataRoot, series);   // read-only: no lock, never throws on bad content
 * load.manifest().summary().describe();
 * }</pre>
 */
public final class Manifest {

    private final SliceSeries series;
    private final Long gridAnchorMs;
    private final TreeMap<Long, SliceEntry> entries;
    private ManifestSummary summary;

    /** Takes ownership of a map of entries by slice start (no copy). */
    Manifest(SliceSeries series, Long gridAnchorMs, TreeMap<Long, SliceEntry> byStart) {
        this.series = Objects.requireNonNull(series, "series");
        this.gridAnchorMs = gridAnchorMs;
        this.entries = byStart;
    }

    Manifest(SliceSeries series, Long gridAnchorMs, Collection<SliceEntry> entries) {
        this.series = Objects.requireNonNull(series, "series");
        this.gridAnchorMs = gridAnchorMs;
        this.entries = new TreeMap<>();
        for (SliceEntry e : entries) {
            this.entries.put(e.key().startMs(), e);
        }
    }

    /**
     * Reads a series' manifest and journal without taking its lock, reporting damage instead of failing.
     *
     * @param dataRoot the data root
     * @param series which slices
     * @return the manifest as the store would see it, with the problems found
     * @throws IOException only when the files exist but cannot be read at all
     */
    public static ManifestLoad load(Path dataRoot, SliceSeries series) throws IOException {
        return ManifestStore.load(series.directory(dataRoot));
    }

    /** Reads a directory's manifest and journal (this package's tests address odd directories by path). */
    static ManifestLoad load(Path dir) throws IOException {
        return ManifestStore.load(dir);
    }

    /** The entries map itself, for the reconciler, which owns a freshly loaded manifest (saves a copy of 170k). */
    TreeMap<Long, SliceEntry> takeEntries() {
        return entries;
    }

    /**
     * The series the directory holds.
     *
     * @return the series
     */
    public SliceSeries series() {
        return series;
    }

    /**
     * The open time of the series' first candle, the grid anchor, once probed and stored.
     *
     * @return the anchor, or empty when not yet known
     */
    public OptionalLong gridAnchor() {
        return gridAnchorMs == null ? OptionalLong.empty() : OptionalLong.of(gridAnchorMs);
    }

    /**
     * Every entry, ordered by slice start.
     *
     * @return an unmodifiable list
     */
    public List<SliceEntry> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries.values()));
    }

    /**
     * The entries backed by a slice file, ordered by slice start.
     *
     * @return an unmodifiable list
     */
    public List<SliceEntry> fileBacked() {
        List<SliceEntry> out = new ArrayList<>();
        for (SliceEntry e : entries.values()) {
            if (e.hasFile()) {
                out.add(e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The entry of one slice.
     *
     * @param key the slice
     * @return its entry, or empty when the manifest does not know it
     */
    public Optional<SliceEntry> entry(SliceKey key) {
        SliceEntry e = entries.get(key.startMs());
        return e != null && e.key().equals(key) ? Optional.of(e) : Optional.empty();
    }

    /**
     * How many entries.
     *
     * @return the entry count
     */
    public int size() {
        return entries.size();
    }

    /**
     * The counts per status.
     *
     * @return the summary (counts sum to {@link #size()})
     */
    public synchronized ManifestSummary summary() {
        if (summary == null) {
            summary = ManifestSummary.of(entries.values());
        }
        return summary;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Manifest && ((Manifest) o).series.equals(series)
                && Objects.equals(((Manifest) o).gridAnchorMs, gridAnchorMs) && ((Manifest) o).entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(series, gridAnchorMs, entries);
    }

    /**
     * A short description.
     *
     * @return the series, anchor and summary
     */
    @Override
    public String toString() {
        return "Manifest[" + series + ", anchor=" + gridAnchorMs + ", " + summary().describe() + "]";
    }
}
