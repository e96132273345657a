package io.qlir.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qlir.data.retry.Sleeper;
import io.qlir.testkit.Await;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The scheduler alone, with scripted tasks: the order of steps, ending, and a stop. */
class JobSchedulerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-04T12:00:00Z"), ZoneOffset.UTC);
    static final long NOW = CLOCK.millis();

    final List<String> log = new CopyOnWriteArrayList<>();

    /** A task whose n-th step (from 1) returns {@code script.apply(n)}; logs "name n" and "name end". */
    JobScheduler.Task task(String name, IntFunction<JobScheduler.Next> script) {
        return new JobScheduler.Task() {
            int steps;

            @Override
            public String name() {
                return name;
            }

            @Override
            public JobScheduler.Next step(StopSignal.Worker worker, boolean atSlot) {
                steps++;
                log.add(name + " " + steps);
                return script.apply(steps);
            }

            @Override
            public void end() {
                log.add(name + " end");
            }
        };
    }

    static JobScheduler.Next now(JobScheduler.Urgency u) {
        return new JobScheduler.Next(NOW, u);
    }

    @Test
    void refreshesGoBeforeCatchUpAndCatchUpTakesTurns() throws Exception {
        StopSignal stop = new StopSignal(t -> { });
        JobScheduler scheduler = new JobScheduler(stop, CLOCK, Sleeper.system(), Duration.ofHours(1));
        List<JobScheduler.Task> tasks = new ArrayList<>();
        tasks.add(task("deep", n -> n < 4 ? now(JobScheduler.Urgency.CATCH_UP) : null));
        tasks.add(task("other", n -> n < 3 ? now(JobScheduler.Urgency.CATCH_UP) : null));
        tasks.add(task("fresh", n -> n < 2 ? now(JobScheduler.Urgency.REFRESH) : null));
        scheduler.start(tasks, 1);
        joinAll(scheduler);
        // every first step (opens are refreshes), then fresh's refresh before any catch-up, then catch-up in turns;
        // a task that returns null ends at once
        assertThat(log).containsExactly("deep 1", "other 1", "fresh 1", "fresh 2", "fresh end", "deep 2",
                "other 2", "deep 3", "other 3", "other end", "deep 4", "deep end");
    }

    @Test
    void aStopEndsEveryQueuedTaskAndTheWorkersExit() throws Exception {
        StopSignal stop = new StopSignal(t -> { });
        JobScheduler scheduler = new JobScheduler(stop, CLOCK, Sleeper.system(), Duration.ofHours(1));
        List<JobScheduler.Task> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tasks.add(task("t" + i, n -> new JobScheduler.Next(NOW + Duration.ofMinutes(30).toMillis(),
                    JobScheduler.Urgency.REFRESH)));
        }
        scheduler.start(tasks, 4);
        Await.until("every task has run its first step", () -> log.size() == 50, Duration.ofSeconds(30));
        assertThat(scheduler.threads()).hasSize(4).allMatch(Thread::isAlive); // waiting 30 min on the real clock
        stop.stop("test");
        scheduler.wakeAll();
        Await.until("every worker has ended after the stop", () -> scheduler.threads().stream()
                .noneMatch(Thread::isAlive), Duration.ofSeconds(20));
        for (int i = 0; i < 50; i++) {
            assertThat(log).containsOnlyOnce("t" + i + " end").doesNotContain("t" + i + " 2");
        }
    }

    private static void joinAll(JobScheduler scheduler) throws InterruptedException {
        for (Thread t : scheduler.threads()) {
            t.join(Duration.ofSeconds(30).toMillis());
            assertThat(t.isAlive()).as("the workers exit once every task has ended").isFalse();
        }
    }
}
