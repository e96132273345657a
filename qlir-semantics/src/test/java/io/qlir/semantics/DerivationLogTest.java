package io.qlir.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DerivationLogTest {

    @Test
    void mutedIsScopedToTheActionAndNests() {
        assertThat(DerivationLog.isMuted()).isFalse();
        boolean inner = DerivationLog.muted(() -> DerivationLog.muted(DerivationLog::isMuted));
        boolean afterInner = DerivationLog.muted(() -> {
            DerivationLog.muted(() -> 1);
            return DerivationLog.isMuted();
        });
        assertThat(inner).isTrue();
        assertThat(afterInner).isTrue();
        assertThat(DerivationLog.isMuted()).isFalse();
    }

    @Test
    void mutedRestoresAfterAnException() {
        assertThatThrownBy(() -> DerivationLog.muted(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(DerivationLog.isMuted()).isFalse();
    }
}
