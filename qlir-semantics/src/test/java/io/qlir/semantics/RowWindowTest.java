package io.qlir.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RowWindowTest {

    @Test
    void describesBoundedWindows() {
        assertThat(RowWindow.trailing(14).describe()).isEqualTo("[i-13 .. i]");
        assertThat(RowWindow.of(-14, -1).describe()).isEqualTo("[i-14 .. i-1]");
        assertThat(RowWindow.of(0, 0).describe()).isEqualTo("[i .. i]");
        assertThat(RowWindow.of(-2, 2).describe()).isEqualTo("[i-2 .. i+2]");
    }

    @Test
    void describesUnboundedPast() {
        assertThat(RowWindow.unboundedPast(0).describe()).isEqualTo("[.. i]");
        assertThat(RowWindow.unboundedPast(-1).describe()).isEqualTo("[.. i-1]");
        assertThat(RowWindow.unboundedPast(0).isUnboundedPast()).isTrue();
    }

    @Test
    void coversIsInclusiveOnBothEnds() {
        RowWindow w = RowWindow.of(-2, 0);
        assertThat(w.covers(10, 8)).isTrue();
        assertThat(w.covers(10, 10)).isTrue();
        assertThat(w.covers(10, 7)).isFalse();
        assertThat(w.covers(10, 11)).isFalse();
        assertThat(RowWindow.unboundedPast(-1).covers(10, 0)).isTrue();
        assertThat(RowWindow.unboundedPast(-1).covers(10, 10)).isFalse();
    }

    @Test
    void rejectsInvertedBounds() {
        assertThatThrownBy(() -> RowWindow.of(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from=1").hasMessageContaining("to=0");
        assertThatThrownBy(() -> RowWindow.trailing(0)).hasMessageContaining("n >= 1");
    }
}
