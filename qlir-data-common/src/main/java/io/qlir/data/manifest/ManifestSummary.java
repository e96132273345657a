package io.qlir.data.manifest;

import io.qlir.data.slice.SliceReason;
import io.qlir.data.slice.SliceStatus;
import io.qlir.data.slice.SliceVerdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many slices are in each status: the one summary shape, whose counts always sum to the total.
 *
 * <p>Every status has a count (zero included); the constructor refuses counts that do not add up, so a summary
 * that exists is consistent.
 * <pre>{@code
 * ManifestSummary s = dir.summary();
 * s.describe();    // "1044 slices (1043 complete, 1 partial: still_forming)"
 * }</pre>
 *
 * @param total how many slices
 * @param byStatus the count per status, every status present (an unmodifiable copy is kept)
 * @param byVerdict the count per status and reason, only non-zero ones (an unmodifiable copy is kept)
 */
public record ManifestSummary(int total, Map<SliceStatus, Integer> byStatus, Map<SliceVerdict, Integer> byVerdict) {

    /**
     * Copies the counts and checks that they add up.
     *
     * @param total how many slices
     * @param byStatus the count per status; missing statuses count zero
     * @param byVerdict the count per status and reason
     * @throws IllegalStateException when the per-status counts do not sum to the total, or a status's reasons do
     *     not sum to its count
     */
    public ManifestSummary {
        EnumMap<SliceStatus, Integer> statuses = new EnumMap<>(SliceStatus.class);
        for (SliceStatus s : SliceStatus.values()) {
            statuses.put(s, byStatus.getOrDefault(s, 0));
        }
        long sum = statuses.values().stream().mapToLong(Integer::longValue).sum();
        if (sum != total) {
            throw new IllegalStateException("summary counts " + statuses + " sum to " + sum + ", not the total "
                    + total);
        }
        EnumMap<SliceStatus, Integer> perStatus = new EnumMap<>(SliceStatus.class);
        Map<SliceVerdict, Integer> verdicts = new TreeMap<>((a, b) -> a.status() != b.status()
                ? a.status().compareTo(b.status()) : a.reason().compareTo(b.reason()));
        for (Map.Entry<SliceVerdict, Integer> e : byVerdict.entrySet()) {
            if (e.getValue() != 0) {
                verdicts.put(e.getKey(), e.getValue());
                perStatus.merge(e.getKey().status(), e.getValue(), Integer::sum);
            }
        }
        for (SliceStatus s : SliceStatus.values()) {
            if (perStatus.getOrDefault(s, 0).intValue() != statuses.get(s).intValue()) {
                throw new IllegalStateException("summary: " + s.wireCode() + " counts " + statuses.get(s)
                        + " but its reasons sum to " + perStatus.getOrDefault(s, 0));
            }
        }
        byStatus = Collections.unmodifiableMap(statuses);
        byVerdict = Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
    }

    /**
     * Counts the entries of a manifest.
     *
     * @param entries the entries
     * @return the summary
     */
    public static ManifestSummary of(Collection<SliceEntry> entries) {
        Map<SliceStatus, Integer> byStatus = new EnumMap<>(SliceStatus.class);
        Map<SliceVerdict, Integer> byVerdict = new LinkedHashMap<>();
        for (SliceEntry e : entries) {
            byStatus.merge(e.status(), 1, Integer::sum);
            byVerdict.merge(e.verdict(), 1, Integer::sum);
        }
        return new ManifestSummary(entries.size(), byStatus, byVerdict);
    }

    /**
     * The count of one status.
     *
     * @param status the status
     * @return how many slices have it
     */
    public int count(SliceStatus status) {
        return byStatus.get(status);
    }

    /**
     * One line for logs and the CLI: the total, then each non-zero status with its reasons other than
     * {@code none}.
     *
     * @return for example {@code 1044 slices (1043 complete, 1 partial: still_forming)}
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (SliceStatus s : SliceStatus.values()) {
            int n = byStatus.get(s);
            if (n == 0) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            for (Map.Entry<SliceVerdict, Integer> e : byVerdict.entrySet()) {
                if (e.getKey().status() == s && e.getKey().reason() != SliceReason.NONE) {
                    reasons.add(e.getValue() == n ? e.getKey().reason().wireCode()
                            : e.getValue() + " " + e.getKey().reason().wireCode());
                }
            }
            parts.add(n + " " + s.wireCode() + (reasons.isEmpty() ? "" : ": " + String.join(", ", reasons)));
        }
        return total + " slices" + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }
}
