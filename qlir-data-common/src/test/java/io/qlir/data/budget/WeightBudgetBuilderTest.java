package io.qlir.data.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WeightBudgetBuilderTest {

    @Test
    void toBuilderMakesAnEmptyBudgetWithTheSameSettings() throws Exception {
        Clock fixed = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
        WeightBudget a = WeightBudget.builder().capacity(100).window(Duration.ofSeconds(10)).clock(fixed).build();
        try (WeightBudget.Lease lease = a.acquire(40)) {
            assertThat(lease.weight()).isEqualTo(40);
        }
        WeightBudget b = a.toBuilder().build();
        assertThat(b.capacity()).isEqualTo(100);
        assertThat(b.window()).isEqualTo(Duration.ofSeconds(10));
        assertThat(a.snapshot().used()).isEqualTo(40);
        assertThat(b.snapshot().used()).isZero();
        assertThat(a.toBuilder().capacity(50).build().capacity()).isEqualTo(50);
    }
}
