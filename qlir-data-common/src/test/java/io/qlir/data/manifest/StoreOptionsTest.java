package io.qlir.data.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qlir.data.file.RowFormat;
import io.qlir.data.slice.StatusPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StoreOptionsTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        StoreOptions d = StoreOptions.defaults();
        assertThat(d.clock()).isEqualTo(Clock.systemUTC());
        assertThat(d.rowFormat()).isEqualTo(RowFormat.OPEN_TIME_FIRST);
        assertThat(d.durability()).isEqualTo(JournalDurability.EVERY_APPEND);
        assertThat(d.compactAfterLines()).isEqualTo(4096);
    }

    @Test
    void toBuilderChangesOneOptionAndKeepsTheOthers() {
        Clock fixed = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
        StatusPolicy policy = StatusPolicy.defaults();
        StoreOptions a = StoreOptions.builder().clock(fixed).policy(policy).compactAfterLines(5).build();
        StoreOptions b = a.toBuilder().journalDurability(JournalDurability.BATCHED).build();
        assertThat(b.clock()).isSameAs(fixed);
        assertThat(b.policy()).isSameAs(policy);
        assertThat(b.compactAfterLines()).isEqualTo(5);
        assertThat(b.durability()).isEqualTo(JournalDurability.BATCHED);
        assertThat(a.durability()).isEqualTo(JournalDurability.EVERY_APPEND);
    }

    @Test
    void aCompactionThresholdBelowOneIsRefusedNamingWhatIsValid() {
        assertThatThrownBy(() -> StoreOptions.builder().compactAfterLines(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("valid: >= 1");
    }
}
