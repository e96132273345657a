package io.qlir.binance.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The loader's decimal parser gives exactly what {@link Double#parseDouble} gives, bit for bit, on its own and inside
 * a slice file's row (where Binance's eight-decimal strings take {@link Decimals#eightDecimals}).
 */
class DecimalsProperties {

    @Property(tries = 3000)
    void binanceStyleDecimalsParseExactly(@ForAll @LongRange(min = 0, max = 999_999_999_999_999L) long unscaled,
                                          @ForAll("scales") int scale, @ForAll boolean negative) {
        String text = (negative ? "-" : "") + BigDecimal.valueOf(unscaled, scale).toPlainString();
        assertSame(text);
        assertSame(pad(text, 8));
    }

    @Property(tries = 2000)
    void anyDoubleWrittenPlainParsesExactly(@ForAll double x) {
        if (Double.isFinite(x)) {
            assertSame(new BigDecimal(x).toPlainString());
            assertSame(Double.toString(x));
        }
    }

    @Property(tries = 3000)
    void quotedInARowTheyParseExactlyToo(@ForAll @LongRange(min = 0, max = 999_999_999_999_999L) long unscaled,
                                         @ForAll("scales") int scale, @ForAll boolean negative) throws Exception {
        String text = (negative ? "-" : "") + BigDecimal.valueOf(unscaled, scale).toPlainString();
        String binance = BigDecimal.valueOf(unscaled, 8).toPlainString(); // "<integer>.<eight digits>"
        for (String s : new String[] {text, pad(text, 8), binance}) {
            assertThat(Double.doubleToRawLongBits(inARow(s))).as(s)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
    }

    @Provide
    Arbitrary<Integer> scales() {
        return Arbitraries.integers().between(0, 24);
    }

    @Example
    void edgeCasesMatchTheJdk() {
        for (String s : new String[] {"0", "-0", "0.0", "-0.00000000", "10428.06000000", "0.00000001", "1.", ".5",
            "+3.25", "00012.5000", "9007199254740993", "123456789012345.6", "1e5", "1.5E-3", "NaN", "Infinity",
            "0x1p3", " 1.5", "1.5d", "999999999999999.9", "0.0000000000000000000001", "5889965.47843451"}) {
            assertSame(s);
        }
        for (String bad : new String[] {"", ".", "-", "+", "1.2.3", "abc", "1,5"}) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(NumberFormatException.class);
        }
    }

    private static String pad(String s, int zeros) {
        return s.contains(".") ? s + "0".repeat(zeros) : s + "." + "0".repeat(zeros);
    }

    private static void assertSame(String s) {
        assertThat(Double.doubleToRawLongBits(parse(s))).as(s).isEqualTo(Double.doubleToRawLongBits(
                Double.parseDouble(s)));
    }

    /** The value as the loader reads it from a slice file's row: {@code "<s>"} as the open price. */
    private static double inARow(String s) throws Exception {
        byte[] file = ("{\"data\":[[1,\"" + s + "\",\"1\"]]}").getBytes(StandardCharsets.UTF_8);
        SliceBytes in = new SliceBytes(file, java.nio.file.Path.of("f.json"));
        in.beginObject();
        in.nextField(true);
        in.beginRows();
        in.nextRow();
        in.integer(0);
        return in.decimal(1);
    }

    private static double parse(String s) {
        // the parser reads a window of a larger buffer (digits around it, to catch a read past the end)
        byte[] buffer = ("12" + s + "3456789").getBytes(StandardCharsets.UTF_8);
        return Decimals.parse(buffer, 2, buffer.length - 7);
    }
}
