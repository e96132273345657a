package io.qlir.data.manifest;

import io.qlir.data.slice.StatusPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Which entries are due for fetching, by the policy's {@link StatusPolicy#dueAt}. */
final class Scheduling {

    private Scheduling() {
    }

    static List<SliceEntry> due(Collection<SliceEntry> entries, StatusPolicy policy, Instant now, long fromMs,
                                long toMs) {
        List<SliceEntry> out = new ArrayList<>();
        for (SliceEntry e : entries) {
            if (e.key().startMs() > toMs || e.key().endMs() < fromMs) {
                continue;
            }
            Optional<Instant> at = policy.dueAt(e.key(), e.verdict(), e.completedAt());
            if (at.isPresent() && !at.get().isAfter(now)) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Instant> nextDue(Collection<SliceEntry> entries, StatusPolicy policy, Instant now) {
        Instant next = null;
        for (SliceEntry e : entries) {
            Optional<Instant> at = policy.dueAt(e.key(), e.verdict(), e.completedAt());
            if (at.isPresent() && at.get().isAfter(now) && (next == null || at.get().isBefore(next))) {
                next = at.get();
            }
        }
        return Optional.ofNullable(next);
    }
}
