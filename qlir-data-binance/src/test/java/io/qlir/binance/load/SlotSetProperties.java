package io.qlir.binance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The slot set agrees with {@link BitSet} on every operation the loader uses. */
class SlotSetProperties {

    @Property(tries = 300)
    void agreesWithBitSet(@ForAll @IntRange(min = 0, max = 700) int size,
                          @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 699) Integer> starts,
                          @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 90) Integer> lengths) {
        SlotSet s = new SlotSet(size);
        BitSet b = new BitSet();
        for (int i = 0; i < Math.min(starts.size(), lengths.size()); i++) {
            int from = Math.min(starts.get(i), Math.max(0, size - 1));
            int to = Math.min(size - 1, from + lengths.get(i));
            if (size == 0) {
                break;
            }
            if (lengths.get(i) % 3 == 0) {
                s.set(from);
                b.set(from);
            } else {
                s.set(from, to);
                b.set(from, to + 1);
            }
        }
        assertThat(s.cardinality()).isEqualTo(b.cardinality());
        assertThat(s.lastSet()).isEqualTo(b.length() - 1);
        for (int i = 0; i < size; i++) {
            assertThat(s.get(i)).isEqualTo(b.get(i));
            assertThat(s.nextSet(i)).isEqualTo(b.nextSetBit(i));
            assertThat(s.nextClear(i)).isEqualTo(Math.min(size, b.nextClearBit(i)));
            assertThat(s.rank(i)).isEqualTo(b.get(0, i).cardinality());
        }
        SlotSet other = new SlotSet(size);
        if (size > 0) {
            other.set(size - 1);
            s.or(other);
            assertThat(s.get(size - 1)).isTrue();
        }
    }
}
