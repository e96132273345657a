package io.qlir.ops.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The study against a brute-force twin written independently: integer series, so window sums are exact and the
 * SMA's direction is the sign of the change of the window sum; runs found by grouping a direction string.
 */
class RunsProperties {

    @Property(tries = 200)
    void matchesABruteForceRunCount(@ForAll @Size(min = 1, max = 120) List<@IntRange(min = -2, max = 2) Integer> steps,
            @ForAll @IntRange(min = 1, max = 9) int window) {
        double[] x = new double[steps.size()];
        int level = 1000;
        for (int i = 0; i < x.length; i++) {
            level += steps.get(i);
            x[i] = level;
        }
        SmaPersistence r = Studies.smaPersistence(CloseTables.close(x), "close", window);

        char[] dir = bruteDirections(x, window);
        for (Direction d : Direction.values()) {
            char c = d == Direction.UP ? 'U' : 'D';
            List<Integer> complete = new ArrayList<>();
            List<String> censored = new ArrayList<>();
            int i = 0;
            while (i < dir.length) {
                if (dir[i] != c) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < dir.length && dir[i] == c) {
                    i++;
                }
                boolean cutStart = start == 0 || dir[start - 1] == '-';
                boolean cutEnd = i == dir.length || dir[i] == '-';
                if (cutStart || cutEnd) {
                    censored.add(start + ":" + (i - start) + ":" + (cutStart && cutEnd ? "both" : cutStart ? "start"
                            : "end"));
                } else {
                    complete.add(i - start);
                }
            }
            RunStats s = r.stats(window, d);
            assertThat(s.runs()).isEqualTo(complete.size());
            assertThat(s.max()).isEqualTo(complete.stream().mapToInt(Integer::intValue).max().orElse(0));
            for (int len = 1; len <= s.max(); len++) {
                final int l = len;
                assertThat(s.count(len)).isEqualTo((int) complete.stream().filter(v -> v == l).count());
            }
            assertThat(s.censored()).extracting(cr -> cr.startRow() + ":" + cr.length() + ":"
                    + cr.censoring().wireCode()).containsExactlyElementsOf(censored);
        }
    }

    /** U, D, F per row, or '-' where the window sum is not yet defined (rows before {@code window}). */
    private static char[] bruteDirections(double[] x, int window) {
        char[] dir = new char[x.length];
        long previous = 0;
        for (int i = 0; i < x.length; i++) {
            long sum = 0;
            for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                sum += (long) x[j];
            }
            if (i < window) {
                dir[i] = '-';
            } else {
                dir[i] = sum > previous ? 'U' : sum < previous ? 'D' : 'F';
            }
            previous = sum;
        }
        return dir;
    }
}
