package io.qlir.ops.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SmaPersistenceOptionsTest {

    @Test
    void defaultsAreCloseFiveToSixtyWithoutRounding() {
        SmaPersistenceOptions o = SmaPersistenceOptions.defaults();
        assertThat(o.column()).isEqualTo("close");
        assertThat(o.windows()).hasSize(56).startsWith(5, 6).endsWith(60);
        assertThat(o.decimals()).isEqualTo(OptionalInt.empty());
    }

    @Test
    void windowListsParseAsTheCommandLineWritesThem() {
        assertThat(SmaPersistenceOptions.parseWindows("5..8")).containsExactly(5, 6, 7, 8);
        assertThat(SmaPersistenceOptions.parseWindows("5, 10,20")).containsExactly(5, 10, 20);
        assertThat(SmaPersistenceOptions.parseWindows("2..3,50")).containsExactly(2, 3, 50);
        assertThatThrownBy(() -> SmaPersistenceOptions.parseWindows("5..x")).hasMessageContaining("'5..x'")
                .hasMessageContaining("5..60");
        assertThatThrownBy(() -> SmaPersistenceOptions.parseWindows("9..3")).hasMessageContaining("9..3");
        assertThatThrownBy(() -> SmaPersistenceOptions.parseWindows(" ")).hasMessageContaining("empty");
    }

    @Test
    void invalidSettingsAreRefusedWithWhatIsValid() {
        assertThatThrownBy(() -> SmaPersistenceOptions.builder().decimals(16).build())
                .hasMessageContaining("decimals 16").hasMessageContaining("0..15");
        assertThatThrownBy(() -> SmaPersistenceOptions.builder().windows(new int[0]).build())
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> SmaPersistenceOptions.builder().column(" ").build())
                .hasMessageContaining("column");
    }
}
