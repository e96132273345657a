package io.qlir.binance;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The {@link JobScheduler}'s queues when a {@link RefreshPlan} books the refreshes: every job with a forming candle
 * waits for its next slot, and any other step it wants (open, close, retry: {@link JobScheduler.Urgency#REFRESH};
 * older slices: {@link JobScheduler.Urgency#CATCH_UP}) waits until the plan admits it. A job may wait in two queues
 * at once (its slot and a wish); whichever lets it go first makes the other ticket stale. Guarded by the
 * scheduler's lock.
 */
final class PlannedQueues {

    /** What {@link #pick} found: a job to run (or to end, once stopped), whether any waits, and when to look again. */
    record Pick(JobScheduler.Slot slot, boolean anyQueued, long wakeAtMs) {
    }

    private record Ticket(JobScheduler.Slot slot, long atMs, long seq, int version) {
        boolean live() {
            return version == slot.version;
        }
    }

    private static final Comparator<Ticket> ORDER = Comparator.comparingLong(Ticket::atMs)
            .thenComparingLong(Ticket::seq);

    final RefreshPlan plan;
    private final PriorityQueue<Ticket> slots = new PriorityQueue<>(ORDER);
    private final PriorityQueue<Ticket> refreshes = new PriorityQueue<>(ORDER);
    private final PriorityQueue<Ticket> catchUp = new PriorityQueue<>(ORDER);

    PlannedQueues(RefreshPlan plan) {
        this.plan = plan;
    }

    /** Queues a step the job wants at a time, to go when admitted. */
    void wish(JobScheduler.Slot s, long atMs, JobScheduler.Urgency urgency, long seq) {
        (urgency == JobScheduler.Urgency.CATCH_UP ? catchUp : refreshes).add(new Ticket(s, atMs, seq, s.version));
    }

    /** A step returned: queue the job's next slot (when it has a forming candle) and what else it wants. */
    void returned(JobScheduler.Slot s, JobScheduler.Next next, long nowMs, long seq) {
        plan.returned(s, nowMs);
        if (next.slots()) {
            // the slot after the last one used; one that fell while this step ran is still due
            long from = s.lastSlotMs == Long.MIN_VALUE ? nowMs
                    : Math.max(s.lastSlotMs + 1, nowMs - plan.period().toMillis() + 1);
            slots.add(new Ticket(s, plan.slotAtOrAfter(s.index, from), seq, s.version));
        }
        wish(s, next.atMs(), next.urgency(), seq + 1);
    }

    /** The job to run now, if any: a due slot first, then a due wish the plan admits (refreshes before catch-up). */
    Pick pick(boolean stopped, long nowMs) {
        drop(slots);
        drop(refreshes);
        drop(catchUp);
        if (stopped) {
            for (PriorityQueue<Ticket> q : java.util.List.of(slots, refreshes, catchUp)) {
                if (!q.isEmpty()) {
                    return new Pick(claim(q.poll(), false), true, nowMs);
                }
            }
            return new Pick(null, false, nowMs);
        }
        Ticket slot = slots.peek();
        if (slot != null && slot.atMs() <= nowMs) {
            slots.poll();
            return new Pick(claim(slot, true), true, nowMs);
        }
        long wake = slot == null ? Long.MAX_VALUE : slot.atMs();
        for (PriorityQueue<Ticket> q : java.util.List.of(refreshes, catchUp)) {
            Ticket t = q.peek();
            if (t == null) {
                continue;
            }
            if (t.atMs() > nowMs) {
                wake = Math.min(wake, t.atMs());
                continue;
            }
            if (plan.admits(nowMs, plan.weight(t.slot().index))) {
                q.poll();
                return new Pick(claim(t, false), true, nowMs);
            }
            wake = Math.min(wake, plan.nextChange(nowMs));
            break; // a refresh that does not fit keeps catch-up back too
        }
        boolean any = !slots.isEmpty() || !refreshes.isEmpty() || !catchUp.isEmpty();
        return new Pick(null, any, wake);
    }

    private JobScheduler.Slot claim(Ticket t, boolean atSlot) {
        JobScheduler.Slot s = t.slot();
        s.version++;
        s.atSlot = atSlot;
        if (atSlot) {
            s.lastSlotMs = t.atMs();
        }
        plan.dispatched(s, plan.weight(s.index));
        return s;
    }

    private static void drop(PriorityQueue<Ticket> q) {
        while (!q.isEmpty() && !q.peek().live()) {
            q.poll();
        }
    }
}
