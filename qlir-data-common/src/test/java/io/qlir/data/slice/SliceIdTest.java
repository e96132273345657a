package io.qlir.data.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SliceIdTest {

    record Golden(String canonicalKey, String sliceId) {
    }

    static List<Golden> golden() throws IOException {
        try (InputStream in = SliceIdTest.class.getResourceAsStream("/slice-ids.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Golden> out = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                out.add(new Golden(c.get("canonical_key").asText(), c.get("slice_id").asText()));
            }
            return out;
        }
    }

    @Test
    void goldenFileHasEveryCase() throws IOException {
        assertThat(golden()).hasSize(7);
    }

    @ParameterizedTest
    @MethodSource("golden")
    void reproducesGoldenIdFromText(Golden g) {
        assertThat(SliceId.of(g.canonicalKey()).hex()).isEqualTo(g.sliceId());
    }

    @ParameterizedTest
    @MethodSource("golden")
    void parsedKeyRoundTripsAndHashesTheSame(Golden g) {
        SliceKey key = SliceKey.parse(g.canonicalKey());
        assertThat(key.canonical()).isEqualTo(g.canonicalKey());
        assertThat(key.id().hex()).isEqualTo(g.sliceId());
        assertThat(key.id().fileName()).isEqualTo(g.sliceId() + ".json");
    }

    @net.jqwik.api.Property(tries = 300)
    void keyHashEqualsHashOfItsCanonicalText(
            @net.jqwik.api.ForAll("symbols") String symbol,
            @net.jqwik.api.ForAll io.qlir.core.Interval interval,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = Long.MAX_VALUE) long start,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = Integer.MAX_VALUE) int limit) {
        SliceKey key = new SliceKey(symbol, interval, start, limit);
        // two independent encodings: the key hashed field by field, and String.getBytes of its canonical text
        assertThat(key.id()).isEqualTo(SliceId.of(key.canonical()));
        org.bouncycastle.crypto.digests.Blake2bDigest d = new org.bouncycastle.crypto.digests.Blake2bDigest(128);
        byte[] in = key.canonical().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        d.update(in, 0, in.length);
        byte[] out = new byte[16];
        d.doFinal(out, 0);
        assertThat(key.id().hex()).isEqualTo(java.util.HexFormat.of().formatHex(out));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> symbols() {
        // a symbol holds at least one letter or digit (it names a folder: "." and ".." are refused)
        return net.jqwik.api.Arbitraries.strings().withChars("ABCXYZabc0189._-").ofMinLength(1).ofMaxLength(150)
                .filter(s -> s.chars().anyMatch(Character::isLetterOrDigit));
    }

    @Test
    void rejectsMalformedIds() {
        assertThatThrownBy(() -> new SliceId("B23D5AA5CC1E2EA9268C7CA32F1C6C28"))
                .hasMessageContaining("32 lowercase hex digits");
        assertThatThrownBy(() -> new SliceId("abc")).hasMessageContaining("'abc'");
        assertThat(SliceId.isWellFormed("b23d5aa5cc1e2ea9268c7ca32f1c6c28")).isTrue();
        assertThat(SliceId.isWellFormed("b23d5aa5cc1e2ea9268c7ca32f1c6c2")).isFalse();
    }
}
