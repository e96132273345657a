package io.qlir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 defect 12: on SIGTERM the fetch summary is printed before the shutdown hook lets the JVM exit. The hook is
 * run by hand (as the JVM would on SIGTERM) while the work is in flight; latches, no sleeping.
 */
class StopOnShutdownTest {

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void theSummaryIsReportedBeforeTheHookIsReleased() throws Exception {
        List<Thread> hooks = new CopyOnWriteArrayList<>();
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stopAsked = new CountDownLatch(1);
        StopOnShutdown stopper = new StopOnShutdown(stopAsked::countDown, new StopOnShutdown.Hooks() {
            @Override
            public void add(Thread hook) {
                hooks.add(hook);
            }

            @Override
            public void remove(Thread hook) {
                events.add("hook removed");
            }
        });

        Future<String> run = pool.submit(() -> stopper.run(() -> {
            started.countDown();
            assertThat(stopAsked.await(10, TimeUnit.SECONDS)).as("the hook asked the work to stop").isTrue();
            return "summary";
        }, summary -> events.add(summary + " printed, hook released: " + stopper.released())));

        assertThat(started.await(10, TimeUnit.SECONDS)).as("the work started").isTrue();
        assertThat(hooks).hasSize(1);
        Thread hook = hooks.get(0);
        hook.start();                                              // SIGTERM
        assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo("summary");
        hook.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(hook.isAlive()).as("the hook ends once the summary is printed").isFalse();
        assertThat(stopper.released()).isTrue();
        assertThat(events).containsExactly("summary printed, hook released: false", "hook removed");
    }

    @Test
    void aFailedRunReleasesTheHookWithoutAReport() {
        List<String> events = new CopyOnWriteArrayList<>();
        StopOnShutdown stopper = new StopOnShutdown(() -> { }, new StopOnShutdown.Hooks() {
            @Override
            public void add(Thread hook) {
                events.add("hook added");
            }

            @Override
            public void remove(Thread hook) {
                events.add("hook removed");
            }
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stopper.run(() -> {
            throw new IllegalStateException("disk on fire");
        }, s -> events.add("reported"))).hasMessage("disk on fire");

        assertThat(stopper.released()).isTrue();
        assertThat(events).containsExactly("hook added", "hook removed");
    }
}
